import { AppError } from '../../../shared/errors';
import type { OutageWatch } from '../openstack/poll';
import type { OperationOutcome } from '../provider';
import type { CinderApi } from './api';
import { readThrough } from './contact';
import { backupFailedError, cancelledCreateOutcome, createAlreadyFinishedOutcome, refusedCancel, unsentCancel } from './outcomes';
import { backoff, pause, type CinderTiming } from './timing';

/** `too-late`: the operation had ended when the cancel was about to be sent, so nothing was sent. */
export type CancelResult = { kind: 'ended'; outcome: OperationOutcome } | { kind: 'refused'; why: string; unsure?: boolean } | { kind: 'too-late' };

/** After the force-delete was accepted: the partial backup counts as cancelled only once Cinder answers 404. */
async function confirmGone(api: CinderApi, timing: CinderTiming, watch: OutageWatch, backupId: string): Promise<OperationOutcome> {
  const deadline = Date.now() + timing.cancelConfirmMs;
  const next = backoff(timing);
  for (;;) {
    const got = await watch.attempt(() => api.findBackup(backupId));
    if (got) {
      const backup = got.value;
      if (!backup) return { state: 'cancelled', outcome: cancelledCreateOutcome };
      // A failed delete ends error_deleting or, by update_backup_error's default, error.
      if (backup.status === 'error_deleting' || backup.status === 'error') {
        throw new AppError('server-error', `Cinder accepted the cancel but could not delete the partial backup ${backupId} (${backup.status}${backup.fail_reason ? `: ${backup.fail_reason}` : ''}).`, 'Ask a cloud admin to force-delete it again or clean up the backup container.');
      }
      if (Date.now() > deadline) {
        throw new AppError('server-error', `Cinder accepted the cancel, but backup ${backupId} still exists (status ${backup.status}) after ${Math.round(timing.cancelConfirmMs / 1000)} s.`, 'Refresh the backups later; if it stays, delete it.');
      }
    }
    await pause(next());
  }
}

/**
 * Cancels a running create with the admin-only os-force_delete. A backup that already finished is
 * left alone (force-delete would destroy it); a refusal is returned so the caller keeps following.
 */
export async function cancelCreate(api: CinderApi, timing: CinderTiming, watch: OutageWatch, backupId: string): Promise<CancelResult> {
  const next = backoff(timing);
  // Sign in first, so nothing but the status read stands between it and the force-delete: the
  // backup can still finish in between, and Cinder offers no conditional delete.
  const backup = await readThrough(
    watch,
    async () => {
      await api.freshSession();
      return api.findBackup(backupId);
    },
    () => pause(next()),
  );
  if (backup?.status === 'available') return { kind: 'ended', outcome: { state: 'succeeded', outcome: createAlreadyFinishedOutcome(backupId), backupId } };
  if (backup?.status === 'error') throw backupFailedError(backupId, backup.fail_reason);
  let status: number;
  try {
    status = await api.action(backupId, { 'os-force_delete': {} }, `cancelling backup ${backupId}`, [202, 200, 403, 404, 405]);
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refused', why: unsentCancel(error), unsure: true };
    throw error;
  }
  if (status === 403 || status === 405) return { kind: 'refused', why: refusedCancel(status, 'force-delete') };
  return { kind: 'ended', outcome: await confirmGone(api, timing, watch, backupId) };
}
