/** Every wait of the appliance provider; tests pass tiny ones through `createApplianceProvider`. */
export interface ApplianceTimings {
  /** First look at a new backup (the published scripts sleep 5 s after POST /backups). */
  createFirstPollMs: number;
  /** Then every 2 s until completed or failed (the scripts' interval). */
  createPollMs: number;
  /** How long to follow a create or an uploaded file's check before saying "unknown". */
  createLimitMs: number;
  /** How long brief outages (5xx, refused connections, timeouts) are ridden out while following a backup. */
  outageToleranceMs: number;
  /** Restore and factory reset: poll interval (the scripts poll restore_status every 15 s). */
  rebootPollMs: number;
  /** Restore and factory reset: stop waiting after this (the scripts give up after 60 min). */
  rebootLimitMs: number;
  /** Per-request timeout of a poll while the appliance reboots, so a hanging box costs one interval, not the endpoint timeout. */
  rebootRequestTimeoutMs: number;
  /** Sign-ins refused (401) in a row, after the appliance answered again, before a restore stops waiting. */
  refusedSignInsAfterReboot: number;
  /** An upload starts only with at least this much token life left (refreshed first otherwise). */
  uploadTokenMarginMs: number;
  /** After the last byte of an upload: how long the appliance may take to answer. */
  uploadAnswerMs: number;
  /** The overall request limit of a file transfer; the idle watch (one endpoint timeout without bytes) ends a stalled one. */
  transferTimeoutMs: number;
}

export const defaultApplianceTimings: ApplianceTimings = {
  createFirstPollMs: 5_000,
  createPollMs: 2_000,
  createLimitMs: 2 * 3_600_000,
  outageToleranceMs: 5 * 60_000,
  rebootPollMs: 15_000,
  rebootLimitMs: 60 * 60_000,
  rebootRequestTimeoutMs: 10_000,
  refusedSignInsAfterReboot: 8,
  uploadTokenMarginMs: 3 * 60_000,
  uploadAnswerMs: 10 * 60_000,
  transferTimeoutMs: 7 * 24 * 3_600_000,
};

export { pause } from '../pause';
