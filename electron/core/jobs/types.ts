import type { Job, JobKind } from '../../../shared/domain';
import type { OperationContext, OperationOutcome } from '../../providers/provider';

export interface JobSpec {
  kind: JobKind;
  endpointId: string;
  endpointName: string;
  backupId?: string;
  /** First stage shown, e.g. "Asking Pieces OS to start the backup". */
  stage: string;
  cancellable: boolean;
  /** What cancelling will do on the endpoint, shown before the user confirms a cancel. */
  cancelNote?: string;
  clientRef?: string;
}

/** A job as persisted: the public Job plus what re-attaching needs. */
export interface PersistedJob extends Job {
  remoteRef?: string;
}

export type JobOperation = (op: OperationContext) => Promise<OperationOutcome>;
/** Resume returns null when the endpoint cannot say what became of the operation. */
export type ResumeOperation = (op: OperationContext) => Promise<OperationOutcome | null>;

export interface JobRunnerOptions {
  /** JSON file for the bounded job history (atomic writes). */
  file: string;
  /** Receives every public job change, coalesced to at most `maxUpdatesPerSecond` per job; state changes are never dropped. */
  onUpdate(job: Job): void;
  maxHistory?: number;
  maxUpdatesPerSecond?: number;
  /** A running job with no progress for this long is flagged `stalled`. */
  stallAfterMs?: number;
  now?: () => number;
}
