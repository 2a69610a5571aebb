import { AppError } from '../../../shared/errors';
import type { Logger } from '../../core/log/logger';
import type { TroveTimings } from './settings';

/** Failures that say nothing about the operation itself: the next poll may well get through. */
export function isTransient(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'unreachable' || error.code === 'timeout' || error.code === 'server-error');
}

/** Trove stayed unreachable (or kept answering 5xx) past the tolerance; worded as the last failure. */
export class TroveOutageError extends AppError {
  constructor(last: AppError) {
    super(last.code, last.message, last.hint);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PollOptions {
  timings: TroveTimings;
  log: Logger;
  /** Gives up with `error()` once polling has run for `afterMs`; default: follow to the end. */
  deadline?: { afterMs: number; error: () => AppError };
  /** Called once per outage with the error, so the job can say it is waiting for Trove. */
  onOutage?: (error: AppError) => void;
}

/**
 * Calls `step` with a growing pause between calls until it returns a value. Transient failures
 * are retried for `outageToleranceMs`, then a TroveOutageError is thrown; any other failure at once.
 * No cancel: Trove cannot stop a backup or an instance build, so the job follows it to its end.
 */
export async function pollUntil<T>(step: () => Promise<T | undefined>, o: PollOptions): Promise<T> {
  const started = Date.now();
  let pause = o.timings.pollFirstMs;
  let outageSince: number | undefined;
  for (;;) {
    try {
      const value = await step();
      if (value !== undefined) return value;
      outageSince = undefined;
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (outageSince === undefined) {
        outageSince = Date.now();
        o.log.warn('Trove did not answer a status poll; retrying', { error });
        o.onOutage?.(error as AppError);
      } else if (Date.now() - outageSince >= o.timings.outageToleranceMs) {
        throw new TroveOutageError(error as AppError);
      }
    }
    if (o.deadline && Date.now() - started >= o.deadline.afterMs) throw o.deadline.error();
    await sleep(pause);
    pause = Math.min(o.timings.pollMaxMs, Math.round(pause * o.timings.pollGrowth));
  }
}

/** One call, retried like a poll while Trove (or Keystone) is unreachable or answers 5xx: after a restart the app may be up first. */
export async function whenReachable<T>(call: () => Promise<T>, o: PollOptions): Promise<T> {
  const { value } = await pollUntil(async () => ({ value: await call() }), o);
  return value;
}
