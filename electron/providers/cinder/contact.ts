import type { AppError } from '../../../shared/errors';
import { OutageError, OutageWatch } from '../openstack/poll';
import type { OperationContext } from '../provider';
import type { Logger } from '../../core/log/logger';
import { elapsedText, type CinderTiming } from './timing';

export interface ContactOptions {
  log: Logger;
  timing: CinderTiming;
  op: OperationContext;
  /** What may still be running: "creating backup 1234". */
  running: string;
  /** What the user should look at: "backup 1234", "volume data (5678) and backup 1234". */
  check: string;
}

/** Lost contact is not a failure: the operation may well go on without us, so the job says what to check. */
export function contactLost(o: Pick<ContactOptions, 'running' | 'check'>, last: AppError, outageMs: number): OutageError {
  const since = elapsedText(Date.now() - outageMs);
  return new OutageError(last, {
    code: 'unreachable',
    message: `Lost contact with Cinder for ${since} (last: ${last.message.replace(/[.\s]+$/, '')}). The operation may still be running on the server (${o.running}); how it ends is unknown.`,
    hint: `Check ${o.check} in Cinder (the backup list, or "openstack volume backup show") before using or deleting anything.`,
  });
}

/** The outage tolerance of one Cinder follow loop: brief outages are retried, a long one ends the job with what to check. */
export function watchContact(o: ContactOptions): OutageWatch {
  return new OutageWatch({
    toleranceMs: o.timing.outageToleranceMs,
    service: 'Cinder',
    log: o.log,
    onOutage: (error) => o.op.progress({ stage: `Cinder is not answering (${error.message.replace(/[.\s]+$/, '')}); still trying` }),
    lost: (last, outageMs) => contactLost(o, last, outageMs),
  });
}

/** Reads through the watch until a read gets through; `pause` waits between tries. */
export async function readThrough<T>(watch: OutageWatch, read: () => Promise<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const got = await watch.attempt(read);
    if (got) return got.value;
    await pause();
  }
}
