import { AppError } from '../../../shared/errors';
import type { OperationOutcome } from '../provider';
import type { CinderApi } from './api';
import { backupFailedError, cancelledCreateOutcome, createAlreadyFinishedOutcome, refusedCancel } from './outcomes';
import { backoff, pause, type CinderTiming } from './timing';

export type CancelResult = { kind: 'ended'; outcome: OperationOutcome } | { kind: 'refused'; why: string };

/** After the force-delete was accepted: the partial backup counts as cancelled only once Cinder answers 404. */
async function confirmGone(api: CinderApi, timing: CinderTiming, backupId: string): Promise<OperationOutcome> {
  const deadline = Date.now() + timing.cancelConfirmMs;
  const next = backoff(timing);
  for (;;) {
    const backup = await api.findBackup(backupId);
    if (!backup) return { state: 'cancelled', outcome: cancelledCreateOutcome };
    if (backup.status === 'error_deleting') {
      throw new AppError('server-error', `Cinder accepted the cancel but could not delete the partial backup ${backupId} (error_deleting).`, 'Ask a cloud admin to force-delete it again or clean up the backup container.');
    }
    if (Date.now() > deadline) {
      throw new AppError('server-error', `Cinder accepted the cancel, but backup ${backupId} still exists (status ${backup.status}) after ${Math.round(timing.cancelConfirmMs / 1000)} s.`, 'Refresh the backups later; if it stays, delete it.');
    }
    await pause(next());
  }
}

/**
 * Cancels a running create with the admin-only os-force_delete. A backup that already finished is
 * left alone (force-delete would destroy it); a refusal is returned so the caller keeps following.
 */
export async function cancelCreate(api: CinderApi, timing: CinderTiming, backupId: string): Promise<CancelResult> {
  const backup = await api.findBackup(backupId);
  if (backup?.status === 'available') return { kind: 'ended', outcome: { state: 'succeeded', outcome: createAlreadyFinishedOutcome(backupId), backupId } };
  if (backup?.status === 'error') throw backupFailedError(backupId, backup.fail_reason);
  let status: number;
  try {
    status = await api.action(backupId, { 'os-force_delete': {} }, `cancelling backup ${backupId}`, [202, 200, 403, 404, 405]);
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refused', why: `Cinder did not take the cancel (${error.message.replace(/[.\s]+$/, '')})` };
    throw error;
  }
  if (status === 403 || status === 405) return { kind: 'refused', why: refusedCancel(status, 'force-delete') };
  return { kind: 'ended', outcome: await confirmGone(api, timing, backupId) };
}
