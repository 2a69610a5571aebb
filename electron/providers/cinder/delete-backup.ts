import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { openCinder, type CinderApi } from './api';
import { watchContact } from './contact';
import { backoff, elapsedText, pause, remoteRefFor, type CinderTiming } from './timing';

/** Cinder's 400 to a delete says one of two things; each gets its own advice. */
function explainRefusal(error: AppError, backupId: string): AppError {
  if (error.code !== 'conflict' || !/HTTP 400/.test(error.message)) return error;
  if (/dependent|incremental/i.test(error.message)) {
    return new AppError('conflict', `Cinder will not delete backup ${backupId}: incremental backups depend on it (${error.message})`, 'Delete the incremental backups made after it first, newest first.');
  }
  if (/status/i.test(error.message)) {
    return new AppError('conflict', `Cinder will not delete backup ${backupId} in its current status (${error.message})`, 'Only available or error backups can be deleted: wait for the running operation to end.');
  }
  return error;
}

/**
 * Polls until Cinder answers 404. After an accepted delete, `error_deleting` or `error` (the default
 * of update_backup_error in the backup manager) means it failed. A delete cannot be cancelled, so
 * the signal is not watched.
 */
export async function followDelete(api: CinderApi, timing: CinderTiming, backupId: string, op: OperationContext, startedAt = Date.now()): Promise<OperationOutcome> {
  const next = backoff(timing);
  const watch = watchContact({ log: api.log, timing, op, running: `deleting backup ${backupId}`, check: `backup ${backupId}` });
  for (;;) {
    const got = await watch.attempt(() => api.findBackup(backupId));
    if (got) {
      const backup = got.value;
      if (!backup) return { state: 'succeeded', outcome: `Cinder deleted backup ${backupId}.`, backupId };
      if (backup.status === 'error_deleting' || backup.status === 'error') {
        throw new AppError(
          'server-error',
          `Cinder could not delete backup ${backupId} (${backup.status}${backup.fail_reason ? `: ${backup.fail_reason.replace(/[.\s]+$/, '')}` : ''}).`,
          'Try the delete again; if it keeps failing, ask a cloud admin to check the backup service.',
        );
      }
      op.progress({ stage: `Cinder is deleting backup ${backupId}: status ${backup.status}, ${elapsedText(startedAt)}` });
    }
    await pause(next());
  }
}

export async function deleteBackup(timing: CinderTiming, ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  const api = await openCinder(ctx, op.signal);
  op.setBackupId(backupId);
  op.progress({ stage: `Asking Cinder to delete backup ${backupId}` });
  try {
    await api.deleteBackup(backupId);
  } catch (error) {
    throw error instanceof AppError ? explainRefusal(error, backupId) : error;
  }
  op.setRemoteRef(remoteRefFor({ op: 'delete', backupId }));
  return followDelete(api, timing, backupId, op);
}
