import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';
import { formatDateTime, formatRelative } from './format-date';
import { formatDuration } from './format-duration';

describe('formatBytes (IEC)', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1024 * 1024 - 1, '1.0 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [12.3 * 1024 ** 3, '12.3 GiB'],
    [5 * 1024 ** 5, '5.0 PiB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('shows a dash for unknown sizes', () => {
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [44.6, '45 s'],
    [185, '3 min 05 s'],
    [3600 * 2 + 7 * 60 + 30, '2 h 07 min'],
    [-3, '0 s'],
  ])('%d → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('formatDateTime / formatRelative', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('formats local date-times and passes through what it cannot parse', () => {
    expect(formatDateTime('2025-06-01T12:00:00Z', 'en-GB')).toMatch(/2025/);
    expect(formatDateTime('garbage')).toBe('garbage');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it.each([
    ['2025-06-01T11:59:58Z', 'now'],
    ['2025-06-01T11:55:00Z', '5 minutes ago'],
    ['2025-06-01T09:00:00Z', '3 hours ago'],
    ['2025-05-31T12:00:00Z', 'yesterday'],
    ['2025-06-01T14:00:00Z', 'in 2 hours'],
    ['2024-06-01T12:00:00Z', 'last year'],
  ])('%s → %s', (iso, text) => expect(formatRelative(iso, now, 'en')).toBe(text));
});
