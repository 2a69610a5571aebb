import { z } from 'zod';

/**
 * How often a fault fires: false/0 = never, true = every time, 0 < x < 1 = that probability each time
 * (from the seeded generator), an integer n >= 1 = the next n times, then off.
 */
export type FaultLevel = boolean | number;

/** What a control route accepts for a FaultLevel switch. */
export const faultLevelSchema = z.union([z.boolean(), z.number().min(0)]);

/** The switches of `faults` typed exactly FaultLevel (not plain booleans or numbers). */
type LevelKeys<T> = { [K in keyof T]: FaultLevel extends T[K] ? (T[K] extends FaultLevel ? K : never) : never }[keyof T];

/** True when this occurrence suffers the fault; a counted fault is used up by saying so (written back to `faults`). */
export function takeFault<T, K extends LevelKeys<T>>(faults: T, kind: K, random: () => number): boolean {
  const value = faults[kind] as FaultLevel;
  if (value === false || value === 0) return false;
  if (value === true) return true;
  if (value < 1) return random() < value;
  faults[kind] = (value - 1 >= 1 ? Math.floor(value - 1) : false) as T[K];
  return true;
}
