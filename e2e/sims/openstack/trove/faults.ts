import { z } from 'zod';
import { faultLevelSchema as level, type FaultLevel } from '../../common/fault-level';

export { takeFault, type FaultLevel } from '../../common/fault-level';

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

export const troveFaultsPatchSchema = z
  .object({ createFails: level, restoreFails: level, fail5xx: level, notImplemented: z.boolean(), httpsNextLinks: z.boolean() })
  .partial()
  .strict();
