import { AppError } from '../../../shared/errors';
import type { CinderApi } from './api';
import type { CancelResult } from './cancel-create';
import { cancelledRestoreOutcome, refusedCancel, restoreAlreadyFinishedOutcome } from './outcomes';
import { backoff, pause, type CinderTiming } from './timing';

/**
 * Cancels a running restore the way Cinder documents it: an admin resets the backup's status away
 * from `restoring` (to `error`), and the restore stops at its next chunk. Reported cancelled once
 * Cinder shows the new status, or the target volume in error_restoring.
 */
export async function cancelRestore(api: CinderApi, timing: CinderTiming, backupId: string, volumeId: string, volumeLabel: string): Promise<CancelResult> {
  const [backup, volume] = await Promise.all([api.findBackup(backupId), api.findVolume(volumeId)]);
  if (volume?.status === 'available' && backup?.status !== 'restoring') {
    return { kind: 'ended', outcome: { state: 'succeeded', outcome: restoreAlreadyFinishedOutcome(backupId, volumeLabel), backupId } };
  }
  let status: number;
  try {
    status = await api.action(backupId, { 'os-reset_status': { status: 'error' } }, `cancelling the restore of backup ${backupId}`, [202, 200, 403, 405]);
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refused', why: `Cinder did not take the cancel (${error.message.replace(/[.\s]+$/, '')})` };
    throw error;
  }
  if (status === 403 || status === 405) return { kind: 'refused', why: refusedCancel(status, 'reset-status') };
  const deadline = Date.now() + timing.cancelConfirmMs;
  const next = backoff(timing);
  for (;;) {
    const [b, v] = await Promise.all([api.findBackup(backupId), api.findVolume(volumeId)]);
    if (b?.status !== 'restoring' || v?.status === 'error_restoring') {
      return { kind: 'ended', outcome: { state: 'cancelled', outcome: cancelledRestoreOutcome(backupId, volumeLabel), backupId } };
    }
    if (Date.now() > deadline) {
      throw new AppError('server-error', `Cinder accepted the cancel, but backup ${backupId} still shows restoring after ${Math.round(timing.cancelConfirmMs / 1000)} s.`, `Check volume ${volumeLabel} before using it.`);
    }
    await pause(next());
  }
}
