export interface JujuTiming {
  /** WebSocket ping interval; a socket that misses a pong for one interval is closed. */
  pingIntervalMs: number;
  /** How often the "creating" stage updates its elapsed time. */
  elapsedTickMs: number;
  /** First pause between reconnect attempts while the API server restarts after a restore; grows by half up to the max. */
  reconnectStartMs: number;
  reconnectMaxMs: number;
  /** Replace the endpoint's create/restore minutes (tests). */
  createTimeoutMs?: number;
  restoreTimeoutMs?: number;
}

export const defaultJujuTiming: JujuTiming = { pingIntervalMs: 30_000, elapsedTickMs: 3_000, reconnectStartMs: 2_000, reconnectMaxMs: 15_000 };

/** "45 s", "1 min 20 s", "1 h 5 min". */
export function elapsedText(sinceMs: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - sinceMs) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "12.3 MB", "56 MB", "812 kB" (decimal units, as file managers show). */
export function bytesText(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1_000;
  let unit = 0;
  while (value >= 1_000 && unit < units.length - 1) {
    value /= 1_000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}

export { pause } from '../pause';
