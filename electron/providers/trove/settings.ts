/**
 * How the provider paces its polling. Trove has no progress stream and rate-limits GETs
 * (`http_get_rate`, 200 a minute by default), so polls start quick and slow down.
 */
export interface TroveTimings {
  /** First pause between status polls; it grows by `pollGrowth` up to `pollMaxMs`. */
  pollFirstMs: number;
  pollMaxMs: number;
  pollGrowth: number;
  /** How long polling tolerates Trove being unreachable or answering 5xx before the job gives up. */
  outageToleranceMs: number;
  /** Deleting is quick on Trove's side: past this, a backup still listed is reported, not waited for. */
  deleteTimeoutMs: number;
  /**
   * Re-attaching to a delete: Trove shows no "deleting" status, so a backup still listed may be
   * on its way out or may never have been asked. It gets this long to disappear; then the job
   * is marked interrupted.
   */
  resumeDeleteGraceMs: number;
}

export const defaultTroveTimings: TroveTimings = {
  pollFirstMs: 2_000,
  pollMaxMs: 15_000,
  pollGrowth: 1.5,
  outageToleranceMs: 180_000,
  deleteTimeoutMs: 30 * 60_000,
  resumeDeleteGraceMs: 60_000,
};
