const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** IEC sizes: "0 B", "1023 B", "1.5 KiB", "12.0 GiB", "512 MiB" (one decimal under 100). */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Rounding may carry over (1023.96 KiB → "1024.0 KiB"): move to the next unit instead.
  if (value >= 1023.95 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
