import { AppError } from '../../../shared/errors';
import type { Logger } from '../../core/log/logger';

/** Failures that say nothing about the operation itself (unreachable, timeout, 5xx from the service, a proxy or Keystone): the next poll may well get through. */
export function isTransient(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'unreachable' || error.code === 'timeout' || error.code === 'server-error');
}

/** The service stayed unreachable (or kept answering 5xx) past the tolerance. `last` is the last failure seen. */
export class OutageError extends AppError {
  constructor(
    readonly last: AppError,
    wording?: { code?: AppError['code']; message: string; hint?: string },
  ) {
    super(wording?.code ?? last.code, wording?.message ?? last.message, wording ? wording.hint : last.hint);
  }
}

export interface OutageOptions {
  /** How long a run of transient failures is tolerated before giving up. */
  toleranceMs: number;
  /** "Trove", "Cinder": for the log line. */
  service: string;
  log?: Logger;
  /** Called once per outage with its first failure, so the job can say it is waiting for the service. */
  onOutage?: (error: AppError) => void;
  /** What to throw once the tolerance has run out; default: an OutageError worded as the last failure. */
  lost?: (last: AppError, outageMs: number) => OutageError;
}

/**
 * Watches the calls of one follow loop for an outage: a transient failure is swallowed (the loop
 * polls again after its pause) until failures have lasted `toleranceMs`; any success ends the outage.
 */
export class OutageWatch {
  private since: number | undefined;

  constructor(private readonly o: OutageOptions) {}

  /** The call's value, or undefined after a tolerated transient failure. Throws other failures, and the `lost` error past the tolerance. */
  async attempt<T>(call: () => Promise<T>): Promise<{ value: T } | undefined> {
    try {
      const value = await call();
      this.since = undefined;
      return { value };
    } catch (error) {
      if (!isTransient(error)) throw error;
      const failure = error as AppError;
      const now = Date.now();
      if (this.since === undefined) {
        this.since = now;
        this.o.log?.warn(`${this.o.service} did not answer a status poll; retrying`, { error });
        this.o.onOutage?.(failure);
      } else if (now - this.since >= this.o.toleranceMs) {
        throw this.o.lost ? this.o.lost(failure, now - this.since) : new OutageError(failure);
      }
      return undefined;
    }
  }
}

/** The pace of a follow loop: pauses grow by `pollGrowth` from `pollFirstMs` up to `pollMaxMs`. */
export interface PollTimings {
  pollFirstMs: number;
  pollMaxMs: number;
  pollGrowth: number;
  outageToleranceMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PollOptions extends Omit<OutageOptions, 'toleranceMs'> {
  timings: PollTimings;
  /** Gives up with `error()` once polling has run for `afterMs`; default: follow to the end. */
  deadline?: { afterMs: number; error: () => AppError };
}

/**
 * Calls `step` with a growing pause between calls until it returns a value. Transient failures are
 * retried for `outageToleranceMs` (see OutageWatch); any other failure ends the poll at once.
 */
export async function pollUntil<T>(step: () => Promise<T | undefined>, o: PollOptions): Promise<T> {
  const started = Date.now();
  const watch = new OutageWatch({ ...o, toleranceMs: o.timings.outageToleranceMs });
  let pause = o.timings.pollFirstMs;
  for (;;) {
    const got = await watch.attempt(step);
    if (got && got.value !== undefined) return got.value;
    if (o.deadline && Date.now() - started >= o.deadline.afterMs) throw o.deadline.error();
    await sleep(pause);
    pause = Math.min(o.timings.pollMaxMs, Math.round(pause * o.timings.pollGrowth));
  }
}

/** One call, retried like a poll while the service (or Keystone) is unreachable or answers 5xx: after a restart the app may be up first. */
export async function whenReachable<T>(call: () => Promise<T>, o: PollOptions): Promise<T> {
  const { value } = await pollUntil(async () => ({ value: await call() }), o);
  return value;
}
