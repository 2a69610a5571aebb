/** Too little progress or time gives wild estimates; stay silent until both pass these. */
const MIN_FRACTION_DONE = 0.02;
const MIN_ELAPSED_MS = 1_000;

export interface EtaBase {
  atMs: number;
  fraction: number;
}

/**
 * Seconds left from the average rate since a base point. A fresh job starts its base at
 * (start, 0); a re-attached job starts it at the first fraction it sees, because its earlier
 * progress happened while nobody was timing it.
 */
export class EtaEstimator {
  constructor(private base?: EtaBase) {}

  /** undefined while there is too little to go on. */
  estimate(nowMs: number, fraction: number): number | undefined {
    if (!this.base || fraction < this.base.fraction) {
      // No base yet, or the endpoint restarted its count (a new phase): measure from here.
      this.base = { atMs: nowMs, fraction };
      return undefined;
    }
    if (fraction >= 1) return 0;
    const done = fraction - this.base.fraction;
    const elapsedMs = nowMs - this.base.atMs;
    if (done <= MIN_FRACTION_DONE || elapsedMs <= MIN_ELAPSED_MS) return undefined;
    return Math.round(((elapsedMs / 1000) * (1 - fraction)) / done);
  }
}
