import type { Logger } from '../../core/log/logger';
import type { OperationContext } from '../provider';
import type { PiecesApi, Phase } from './api';
import type { ProgressStream } from './progress-stream';
import { watchOperation, type Observation, type WatchEnd, type WatchEvidence } from './progress-watch';
import type { TrackedRequest } from './tracked-request';
import type { WireBackup } from './wire-schemas';

export interface FollowOptions {
  api: PiecesApi;
  log: Logger;
  op: OperationContext;
  phase: Phase;
  backupId: string;
  /** The Backup being restored (sent back with a restoration cancel). */
  backup?: WireBackup;
  stream: ProgressStream | null;
  request: TrackedRequest<WireBackup>;
  pollIntervalMs: number;
  /** After Pieces OS refused a cancel, how long to follow the operation before asking again. */
  cancelRetryMs: number;
  /** Re-attached after a restart: the app did not see the start. */
  resumed: boolean;
  /** A create whose id Pieces OS only told after the user had cancelled. */
  idLearntAfterCancel?: boolean;
}

export interface ProgressReporter {
  observe(observation: Observation): void;
  /** From now on, updates show `stage` instead of the status's own words (a cancel under way or refused). */
  holdStage(stage: string): void;
}

/** One watch of the operation in `o`, stopped by `signal`. */
export function watch(o: FollowOptions, evidence: WatchEvidence, signal: AbortSignal, onObservation: (observation: Observation) => void): Promise<WatchEnd> {
  return watchOperation({
    api: o.api,
    phase: o.phase,
    backupId: o.backupId,
    signal,
    pollIntervalMs: o.pollIntervalMs,
    stream: o.stream,
    request: o.request,
    evidence,
    onObservation,
    log: o.log,
  });
}
