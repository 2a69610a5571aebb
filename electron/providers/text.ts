// Durations and sizes as the providers write them into progress stages and outcomes.

function elapsedWords(sinceMs: number, now: number, keepZeros: boolean): string {
  const seconds = Math.max(0, Math.floor((now - sinceMs) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = (amount: number, unit: string) => (amount || keepZeros ? ` ${amount} ${unit}` : '');
  if (minutes < 60) return `${minutes} min${rest(seconds % 60, 's')}`;
  return `${Math.floor(minutes / 60)} h${rest(minutes % 60, 'min')}`;
}

/** "45 s", "3 min 20 s", "3 min", "1 h 5 min": a zero remainder is left out. */
export function elapsedText(sinceMs: number, now = Date.now()): string {
  return elapsedWords(sinceMs, now, false);
}

/** "45 s", "1 min 20 s", "3 min 0 s", "1 h 5 min": the remainder is named even when it is zero. */
export function elapsedTextKeepingZeros(sinceMs: number, now = Date.now()): string {
  return elapsedWords(sinceMs, now, true);
}

/** "0.5 s", "30 s" (an idle timeout in messages). */
export function secondsText(ms: number): string {
  return `${ms < 10_000 ? Number((ms / 1000).toFixed(1)) : Math.round(ms / 1000)} s`;
}

function sizeWords(bytes: number, step: number, units: readonly string[]): string {
  if (bytes < step) return `${bytes} B`;
  let value = bytes / step;
  let unit = 0;
  while (value >= step && unit < units.length - 1) {
    value /= step;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}

/** "812 B", "256 KiB", "1.2 GiB", "2 GiB" (binary units). */
export function bytesText(bytes: number): string {
  return sizeWords(bytes, 1024, ['KiB', 'MiB', 'GiB', 'TiB']);
}

/** "812 B", "262 kB", "12.3 MB", "56 MB" (decimal units, as file managers show). */
export function decimalBytesText(bytes: number): string {
  return sizeWords(bytes, 1_000, ['kB', 'MB', 'GB', 'TB']);
}
