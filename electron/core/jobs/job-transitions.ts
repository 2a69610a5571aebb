import { randomUUID } from 'node:crypto';
import type { Job } from '../../../shared/domain';
import { toErrorEnvelope } from '../../../shared/errors';
import type { OperationOutcome } from '../../providers/provider';
import type { JobSpec, PersistedJob } from './types';

/** How a job object is born, ends, and is shown; the runner decides when. */

export const UNKNOWN_ENDING = 'Backup Console stopped while this job ran and the endpoint cannot tell how it ended.';

export function createJob(spec: JobSpec, at: string): PersistedJob {
  const job: PersistedJob = {
    id: randomUUID(),
    endpointId: spec.endpointId,
    endpointName: spec.endpointName,
    kind: spec.kind,
    state: 'running',
    stage: spec.stage,
    progress: {},
    startedAt: at,
    updatedAt: at,
    cancellable: spec.cancellable,
    stalled: false,
    milestones: [],
  };
  if (spec.backupId !== undefined) job.backupId = spec.backupId;
  if (spec.cancelNote !== undefined) job.cancelNote = spec.cancelNote;
  if (spec.clientRef !== undefined) job.clientRef = spec.clientRef;
  return job;
}

/** A copy without what only re-attaching needs. */
export function toPublic(job: PersistedJob): Job {
  const copy = structuredClone(job);
  delete copy.remoteRef;
  return copy;
}

/** How a job's work came to an end: the operation's answer, a resume that could not tell (null), an exception, or a decision of the app. */
export type Ending =
  | { kind: 'outcome'; outcome: OperationOutcome }
  | { kind: 'unknown' }
  | { kind: 'error'; error: unknown }
  | { kind: 'interrupted'; outcome: string };

/**
 * Puts a job in its terminal state. An AppError('cancelled') counts as a cancel only when the user
 * asked for one (the job is 'cancelling'); otherwise the endpoint stopped by itself and it failed.
 */
export function endJob(job: PersistedJob, ending: Ending, at: string): void {
  if (ending.kind === 'outcome') {
    job.state = ending.outcome.state === 'unknown' ? 'interrupted' : ending.outcome.state;
    job.outcome = ending.outcome.outcome;
    if (ending.outcome.backupId !== undefined) job.backupId = ending.outcome.backupId;
  } else if (ending.kind === 'unknown' || ending.kind === 'interrupted') {
    job.state = 'interrupted';
    job.outcome = ending.kind === 'unknown' ? UNKNOWN_ENDING : ending.outcome;
  } else {
    const error = toErrorEnvelope(ending.error);
    if (error.code === 'cancelled' && job.state === 'cancelling') {
      job.state = 'cancelled';
      job.outcome = error.message;
    } else {
      job.state = 'failed';
      job.error = error;
    }
  }
  job.finishedAt = at;
  job.updatedAt = at;
  job.stalled = false;
  delete job.progress.etaSeconds;
  if (job.state === 'succeeded' && job.progress.fraction !== undefined) job.progress.fraction = 1;
}
