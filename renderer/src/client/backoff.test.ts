import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff';

describe('reconnectDelayMs', () => {
  it('doubles from 0.5 s and caps at 30 s', () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 10, 50].map((a) => reconnectDelayMs(a, noJitter))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
  });

  it('jitters down by at most a quarter', () => {
    expect(reconnectDelayMs(2, () => 1)).toBe(1500);
  });
});
