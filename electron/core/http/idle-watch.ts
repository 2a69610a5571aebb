/**
 * Ends a long transfer that stops moving: `signal` aborts once `idleMs` pass without a `touch()`.
 * Give a streamed request a very long `timeoutMs` (a big file takes hours) and this watch instead,
 * so a stall of one endpoint timeout still ends it.
 */
export interface IdleWatch {
  /** Aborted after `idleMs` without a touch; never aborted after `clear()`. */
  readonly signal: AbortSignal;
  /** Bytes moved: the idle time starts again. */
  touch(): void;
  /** True once the watch fired. */
  readonly stalled: boolean;
  /** Stops the watch (the transfer ended either way). */
  clear(): void;
}

export function startIdleWatch(idleMs: number): IdleWatch {
  const controller = new AbortController();
  let cleared = false;
  const fire = () => {
    if (!cleared) controller.abort();
  };
  let timer = setTimeout(fire, idleMs);
  return {
    signal: controller.signal,
    touch() {
      if (cleared || controller.signal.aborted) return;
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
    },
    get stalled() {
      return controller.signal.aborted;
    },
    clear() {
      cleared = true;
      clearTimeout(timer);
    },
  };
}
