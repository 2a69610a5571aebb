import { AppError } from '../../../shared/errors';
import type { Logger } from '../../core/log/logger';
import type { OperationContext, OperationOutcome } from '../provider';
import type { PiecesApi, Phase } from './api';
import {
  createAlreadyFinishedOutcome,
  finishedWhileClosedOutcome,
  outcomeForEnd,
  restoreAlreadyFinishedOutcome,
} from './outcomes';
import type { ProgressStream } from './progress-stream';
import { watchOperation, type Observation } from './progress-watch';
import type { TrackedRequest } from './tracked-request';
import { isEndStatus, type WireBackup } from './wire-schemas';

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
  /** Re-attached after a restart: the app did not see the start. */
  resumed: boolean;
}

const stages: Record<Phase, Record<string, string>> = {
  creation: {
    INITIALIZED: 'Pieces OS is preparing the backup',
    'IN-PROGRESS': 'Uploading backup to Pieces cloud',
    COMPLETED: 'Backup complete',
  },
  restoration: {
    INITIALIZED: 'Pieces OS is preparing the restore',
    'IN-PROGRESS': 'Downloading the backup and replacing the local database',
    COMPLETED: 'Restore complete',
  },
};

/** Turns observations into progress updates: fraction never goes backwards, repeats are dropped. */
function progressReporter(op: OperationContext, phase: Phase, bytesTotal: number | undefined) {
  let best = 0;
  let last = '';
  return ({ status, percentage }: Observation) => {
    if (percentage !== undefined) best = Math.max(best, Math.min(1, Math.max(0, percentage / 100)));
    const stage = stages[phase][status] ?? `Pieces OS reports ${status}`;
    const key = `${stage}|${best}`;
    if (key === last) return;
    last = key;
    const bytes = bytesTotal ? { bytesTotal, bytesDone: Math.round(best * bytesTotal) } : {};
    op.progress({ stage, fraction: best, ...bytes });
  };
}

/**
 * Follows a running creation or restoration to its end and says what happened; cancels it when
 * `op.signal` aborts. Null means Pieces OS no longer knows the operation and its result cannot be told.
 */
export async function followOperation(o: FollowOptions): Promise<OperationOutcome | null> {
  const end = await watchOperation({
    api: o.api,
    phase: o.phase,
    backupId: o.backupId,
    signal: o.op.signal,
    pollIntervalMs: o.pollIntervalMs,
    stream: o.stream,
    request: o.request,
    onObservation: progressReporter(o.op, o.phase, o.backup?.bytes ?? o.request.value?.bytes),
    log: o.log,
  });
  if (end.kind === 'ended') return outcomeForEnd(o.phase, end.status, o.backupId, false);
  if (end.kind === 'aborted') return cancelOperation(o);
  return settleGone(o, false);
}

/** The status path answers 404: decide from the POST's answer and the cloud list. */
async function settleGone(o: FollowOptions, cancelRequested: boolean): Promise<OperationOutcome | null> {
  if (o.request.state === 'pending') await o.request.settled;
  if (o.request.state === 'rejected') throw o.request.error;
  if (o.phase === 'restoration') {
    if (o.resumed) return null;
    const outcome = cancelRequested ? restoreAlreadyFinishedOutcome(o.backupId) : `Pieces OS finished restoring backup ${o.backupId}; the local database now holds it.`;
    return { state: 'succeeded', outcome, backupId: o.backupId };
  }
  const backup = await o.api.findBackup(o.backupId);
  if (!backup) return null;
  const outcome = cancelRequested ? createAlreadyFinishedOutcome : o.resumed ? finishedWhileClosedOutcome(o.backupId) : `Backup ${o.backupId} is in your Pieces cloud.`;
  return { state: 'succeeded', outcome, backupId: o.backupId };
}

/**
 * POST /backup/{id}/{phase}/cancel. A 500 is how Pieces OS says nothing is running: that is not a
 * failure of the cancel but a race with the end, so the status and the cloud list tell how it ended.
 */
async function cancelOperation(o: FollowOptions): Promise<OperationOutcome | null> {
  const noun = o.phase === 'creation' ? 'backup' : 'restore';
  o.op.progress({ stage: o.phase === 'creation' ? 'Asking Pieces OS to stop the backup' : 'Asking Pieces OS to stop the restore and put the original database back' });
  o.log.info('Cancelling', { phase: o.phase, backupId: o.backupId });
  const answer = await o.api.cancel(o.phase, o.backupId, o.phase === 'restoration' ? o.backup : undefined);
  if (answer.cancelled) return outcomeForEnd(o.phase, 'CANCELED', o.backupId, true);
  o.log.info('Cancel refused: nothing running; checking how it ended', { phase: o.phase, backupId: o.backupId, serverText: answer.serverText });
  const status = await o.api.status(o.phase, o.backupId);
  if (status && isEndStatus(status.value)) return outcomeForEnd(o.phase, status.value, o.backupId, true);
  if (status) {
    throw new AppError('server-error', `Pieces OS could not cancel the ${noun}: ${answer.serverText || 'Internal Server Error'}. It may still be running.`, 'Try cancelling again in a moment.');
  }
  const settled = await settleGone(o, true);
  if (settled || o.phase === 'restoration') return settled;
  throw new AppError('server-error', `Pieces OS refused the cancel (${answer.serverText || 'Internal Server Error'}) and backup ${o.backupId} is not in your cloud.`, 'Refresh the backup list to see what Pieces OS kept.');
}
