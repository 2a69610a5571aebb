import type { AppError } from '../../../shared/errors';
import type { Logger } from '../../core/log/logger';
import { pollUntil as pollService, whenReachable as reachService } from '../openstack/poll';
import type { TroveTimings } from './settings';

/** Trove stayed unreachable (or kept answering 5xx) past the tolerance; worded as the last failure. */
export { OutageError as TroveOutageError, isTransient } from '../openstack/poll';

export interface PollOptions {
  timings: TroveTimings;
  log: Logger;
  /** Gives up with `error()` once polling has run for `afterMs`; default: follow to the end. */
  deadline?: { afterMs: number; error: () => AppError };
  /** Called once per outage with the error, so the job can say it is waiting for Trove. */
  onOutage?: (error: AppError) => void;
}

/**
 * The shared OpenStack poll (openstack/poll.ts) for Trove. No cancel: Trove cannot stop a backup
 * or an instance build, so the job follows it to its end.
 */
export function pollUntil<T>(step: () => Promise<T | undefined>, o: PollOptions): Promise<T> {
  return pollService(step, { ...o, service: 'Trove' });
}

export function whenReachable<T>(call: () => Promise<T>, o: PollOptions): Promise<T> {
  return reachService(call, { ...o, service: 'Trove' });
}
