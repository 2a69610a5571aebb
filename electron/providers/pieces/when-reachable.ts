import { AppError } from '../../../shared/errors';
import type { Logger } from '../../core/log/logger';
import type { OperationContext } from '../provider';
import { interruptibleSleep } from './timing';

export const waitingForPiecesStage = 'Waiting for Pieces OS to come back…';
const MAX_PAUSE_MS = 10_000;

/** Nothing got through to Pieces OS: it says nothing about the operation itself. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'unreachable' || error.code === 'timeout');
}

export type Reached<T> = { reached: true; value: T } | { reached: false };

export interface ReachOptions {
  op: OperationContext;
  log: Logger;
  waitMs: number;
  /** First pause between attempts; it doubles up to 10 s. */
  retryMs: number;
}

/**
 * Runs `call` until it gets through to Pieces OS, retrying network-level failures with backoff for
 * up to `waitMs` (after a restart the app may be up before Pieces OS is). Other errors are thrown.
 */
export async function whenReachable<T>(call: () => Promise<T>, o: ReachOptions): Promise<Reached<T>> {
  const deadline = Date.now() + o.waitMs;
  let pause = o.retryMs;
  let announced = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return { reached: true, value: await call() };
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) {
        o.log.warn('Pieces OS stayed unreachable; giving up', { attempts: attempt, error });
        return { reached: false };
      }
      if (!announced) o.op.progress({ stage: waitingForPiecesStage });
      announced = true;
      o.log.info('Pieces OS unreachable; waiting for it', { attempt, error });
      await interruptibleSleep(Math.min(pause, left)).done;
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }
}
