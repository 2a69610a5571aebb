import { z } from 'zod';
import { faultLevelSchema as level, takeFault, type FaultLevel } from '../common/fault-level';

export type { FaultLevel } from '../common/fault-level';

export interface OpenStackFaults {
  /** 503 on every /identity call: nobody can get or validate a token. */
  keystoneDown: boolean;
  /** When set, every new Cinder backup ends `error` with this text as `fail_reason`. */
  cinderCreateFails: string | null;
  /** When true, every Cinder restore ends with the target volume `error_restoring` (the backup goes back to `available`). */
  cinderRestoreFails: boolean;
  /** `os-force_delete` answers 405 badMethod, as with backup drivers that cannot cancel. */
  forceDeleteUnsupported: boolean;
  /** Cinder create and restore answer 413 overLimit. */
  quotaExceeded: boolean;
  /** 500 with the service's fault body on Cinder/Trove calls (not Keystone). */
  fail5xx: FaultLevel;
  /** Destroys the socket without answering. */
  dropConnections: FaultLevel;
  /** Added before answering. */
  latencyMs: number;
  /** When set, latency/fail5xx/drop only hit paths starting with this prefix (e.g. '/volume/'). */
  pathPrefix: string | null;
}

export function defaultFaults(): OpenStackFaults {
  return {
    keystoneDown: false,
    cinderCreateFails: null,
    cinderRestoreFails: false,
    forceDeleteUnsupported: false,
    quotaExceeded: false,
    fail5xx: false,
    dropConnections: false,
    latencyMs: 0,
    pathPrefix: null,
  };
}

/** What `PATCH /__sim/faults` accepts: any subset of the switches. */
export const faultsPatchSchema = z
  .object({
    keystoneDown: z.boolean(),
    cinderCreateFails: z.string().min(1).max(2_000).nullable(),
    cinderRestoreFails: z.boolean(),
    forceDeleteUnsupported: z.boolean(),
    quotaExceeded: z.boolean(),
    fail5xx: level,
    dropConnections: level,
    latencyMs: z.number().int().min(0).max(120_000),
    pathPrefix: z.string().startsWith('/').nullable(),
  })
  .partial()
  .strict();

type CountedFault = 'fail5xx' | 'dropConnections';

/** Reads the switches and consumes counted faults. Holds the very object exposed as `sim.faults`. */
export class FaultSwitchboard {
  constructor(
    readonly faults: OpenStackFaults,
    private readonly random: () => number,
  ) {}

  appliesTo(path: string): boolean {
    return this.faults.pathPrefix === null || path.startsWith(this.faults.pathPrefix);
  }

  /** True when this request should suffer the fault; a counted fault is used up by saying so. */
  take(kind: CountedFault): boolean {
    return takeFault(this.faults, kind, this.random);
  }

  reset(): void {
    Object.assign(this.faults, defaultFaults());
  }
}
