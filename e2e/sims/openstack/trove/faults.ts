import { z } from 'zod';

/**
 * How often a fault fires: false/0 = never, true = always, 0 < x < 1 = that probability (seeded random),
 * an integer n >= 1 = the next n times, then off.
 */
export type FaultLevel = boolean | number;

export interface TroveFaults {
  /** New backups end FAILED (after BUILDING) instead of COMPLETED. */
  createFails: FaultLevel;
  /** Restored instances end ERROR instead of ACTIVE. */
  restoreFails: FaultLevel;
  /** Any authenticated API request answers 500 instanceFault. */
  fail5xx: FaultLevel;
  /** Backup create answers 501 as for a datastore without a backup strategy. */
  notImplemented: boolean;
  /** Real Trove rewrites the scheme of "next" links to https (common/pagination.py AppUrl); off = the simulator's own scheme. */
  httpsNextLinks: boolean;
}

export function defaultTroveFaults(): TroveFaults {
  return { createFails: false, restoreFails: false, fail5xx: false, notImplemented: false, httpsNextLinks: false };
}

const level = z.union([z.boolean(), z.number().min(0)]);

export const troveFaultsPatchSchema = z
  .object({ createFails: level, restoreFails: level, fail5xx: level, notImplemented: z.boolean(), httpsNextLinks: z.boolean() })
  .partial()
  .strict();

type CountedFault = 'createFails' | 'restoreFails' | 'fail5xx';

/** True when this occurrence suffers the fault; a counted fault is used up by saying so. */
export function takeFault(faults: TroveFaults, kind: CountedFault, random: () => number): boolean {
  const value = faults[kind];
  if (value === false || value === 0) return false;
  if (value === true) return true;
  if (value < 1) return random() < value;
  faults[kind] = value - 1 >= 1 ? Math.floor(value - 1) : false;
  return true;
}
