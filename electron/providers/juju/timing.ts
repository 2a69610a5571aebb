export interface JujuTiming {
  /** WebSocket ping interval; a socket that misses a pong for one interval is closed. */
  pingIntervalMs: number;
  /** How often the "creating" stage updates its elapsed time. */
  elapsedTickMs: number;
  /** First pause between reconnect attempts while the API server restarts after a restore; grows by half up to the max. */
  reconnectStartMs: number;
  reconnectMaxMs: number;
  /** Replace the endpoint's create/restore minutes (tests). */
  createTimeoutMs?: number;
  restoreTimeoutMs?: number;
}

export const defaultJujuTiming: JujuTiming = { pingIntervalMs: 30_000, elapsedTickMs: 3_000, reconnectStartMs: 2_000, reconnectMaxMs: 15_000 };

export { pause } from '../pause';
