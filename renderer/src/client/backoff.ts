/**
 * Reconnect delay for the event feed: 0.5 s doubling up to 30 s, with up to 25 % jitter so
 * several windows do not hammer a restarted host in step.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 - 0.25 * random()));
}
