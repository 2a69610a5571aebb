import { z } from 'zod';
import { faultLevelSchema as level, takeFault, type FaultLevel } from '../common/fault-level';

export type { FaultLevel } from '../common/fault-level';

export interface Faults {
  /** 511 text/plain on every backup endpoint: the user is not signed in / not connected to the cloud. */
  signedOut: boolean;
  /** 505 text/plain on every backup endpoint: Pieces OS too old for cloud backups. */
  tooOld: boolean;
  /** Added before answering (HTTP and WebSocket upgrades). */
  latencyMs: number;
  /** 500 text/plain with `fail5xxBody`. */
  fail5xx: FaultLevel;
  fail5xxBody: string;
  /** Destroys the socket without answering. */
  dropConnections: FaultLevel;
  /** A 200 JSON answer is sent broken: cut in half ('truncated') or with the wrong shape. */
  malformedBodies: FaultLevel;
  malformedStyle: 'truncated' | 'wrong-shape';
  /** POST /backups/create answers only when the backup ends (otherwise 200 at once while it runs). */
  createBlocks: boolean;
  /** POST /backup/{id}/restore answers only when the restore ends. */
  restoreBlocks: boolean;
  /** The next n creations/restorations end FAILED about half-way. */
  failNextOperations: number;
  /** When set, latency/fail5xx/drop/malformed only hit paths starting with this prefix. */
  pathPrefix: string | null;
}

export function defaultFaults(): Faults {
  return {
    signedOut: false,
    tooOld: false,
    latencyMs: 0,
    fail5xx: false,
    fail5xxBody: 'Internal Server Error: the simulator was told to fail this request.',
    dropConnections: false,
    malformedBodies: false,
    malformedStyle: 'truncated',
    createBlocks: false,
    restoreBlocks: false,
    failNextOperations: 0,
    pathPrefix: null,
  };
}

/** What `POST /__sim/faults` accepts: any subset of the switches. */
export const faultsPatchSchema = z
  .object({
    signedOut: z.boolean(),
    tooOld: z.boolean(),
    latencyMs: z.number().int().min(0).max(120_000),
    fail5xx: level,
    fail5xxBody: z.string().max(2_000),
    dropConnections: level,
    malformedBodies: level,
    malformedStyle: z.enum(['truncated', 'wrong-shape']),
    createBlocks: z.boolean(),
    restoreBlocks: z.boolean(),
    failNextOperations: z.number().int().min(0),
    pathPrefix: z.string().startsWith('/').nullable(),
  })
  .partial()
  .strict();

type CountedFault = 'fail5xx' | 'dropConnections' | 'malformedBodies';

/** Reads the switches and consumes counted faults. Holds the very object exposed as `sim.faults`. */
export class FaultSwitchboard {
  constructor(
    readonly faults: Faults,
    private readonly random: () => number,
  ) {}

  appliesTo(path: string): boolean {
    return this.faults.pathPrefix === null || path.startsWith(this.faults.pathPrefix);
  }

  /** True when this request should suffer the fault; a counted fault is used up by saying so. */
  take(kind: CountedFault): boolean {
    return takeFault(this.faults, kind, this.random);
  }

  takeOperationFailure(): boolean {
    if (this.faults.failNextOperations <= 0) return false;
    this.faults.failNextOperations -= 1;
    return true;
  }

  reset(): void {
    Object.assign(this.faults, defaultFaults());
  }
}
