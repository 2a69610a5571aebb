import { takeFault, type FaultLevel } from '../common/fault-level';

export type { FaultLevel } from '../common/fault-level';

export interface JujuFaults {
  /** Downloads stream an archive whose SHA-1 differs from the metadata `checksum`. */
  wrongChecksum: FaultLevel;
  /** A download's socket is destroyed after this many archive bytes (null = never). */
  dropDownloadAt: number | null;
  /** Backups.Create fails with this message (no error code), e.g. "HA not ready; try again later". */
  createFails: string | null;
  /** How long the API server stays down after a Restore (real ms). */
  restoreDownMs: number;
  /** How long Restore works (database restored, no answer) before the API server exits (real ms). */
  restoreWorkMs: number;
  /** Backups.Restore answers this error before it starts (the controller stays in restore-pending mode). */
  restoreFails: string | null;
  /** Added to every Create (real ms, on top of createMs × timeScale). */
  slowCreateMs: number;
  /** The next RPC calls destroy their WebSocket instead of answering. */
  dropSocket: FaultLevel;
  /** "Facade.Method" (e.g. "Backups.Create") whose next call does its work, then loses its answer: the socket is destroyed instead. */
  dropAnswerOf: string | null;
  /** Added before answering every RPC call and HTTPS request. */
  latencyMs: number;
  /** Admin.Login on a model connection answers `redirection required` (Admin.RedirectInfo then works). */
  redirect: FaultLevel;
}

export function defaultFaults(timeScale: number): JujuFaults {
  return {
    wrongChecksum: false,
    dropDownloadAt: null,
    createFails: null,
    restoreDownMs: Math.round(10_000 * timeScale),
    restoreWorkMs: Math.round(5_000 * timeScale),
    restoreFails: null,
    slowCreateMs: 0,
    dropSocket: false,
    dropAnswerOf: null,
    latencyMs: 0,
    redirect: false,
  };
}

/** Holds the very object exposed as `sim.faults`; consumes counted faults. */
export class JujuFaultSwitchboard {
  readonly faults: JujuFaults;

  constructor(
    private readonly timeScale: number,
    private readonly random: () => number,
  ) {
    this.faults = defaultFaults(timeScale);
  }

  take(kind: 'wrongChecksum' | 'dropSocket' | 'redirect'): boolean {
    return takeFault(this.faults, kind, this.random);
  }

  reset(): void {
    Object.assign(this.faults, defaultFaults(this.timeScale));
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
