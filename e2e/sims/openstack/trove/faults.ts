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
  /** Backup create and delete answer 401 with SwiftAuthError, as when the project cannot reach object storage (Trove maps it to 401). */
  swiftAuthFails: boolean;
  /** Pages hold at most this many backups whatever `limit` asks (a server with a capped page size); null = as asked. */
  pageSizeCap: number | null;
  /** This backup's `updated` becomes "now" right after a first backup page that has a next link is served, once: an item that moves while a client pages. */
  touchAfterFirstPage: string | null;
}

export function defaultTroveFaults(): TroveFaults {
  return { createFails: false, restoreFails: false, fail5xx: false, notImplemented: false, httpsNextLinks: false, swiftAuthFails: false, pageSizeCap: null, touchAfterFirstPage: null };
}

export const troveFaultsPatchSchema = z
  .object({
    createFails: level,
    restoreFails: level,
    fail5xx: level,
    notImplemented: z.boolean(),
    httpsNextLinks: z.boolean(),
    swiftAuthFails: z.boolean(),
    pageSizeCap: z.number().int().min(1).max(1_000).nullable(),
    touchAfterFirstPage: z.string().min(1).max(64).nullable(),
  })
  .partial()
  .strict();
