import { AppError } from '../../../shared/errors';
import type { OutageWatch } from '../openstack/poll';
import type { OperationOutcome } from '../provider';
import type { CinderApi } from './api';
import type { CancelResult } from './cancel-create';
import { readThrough } from './contact';
import { cancelledRestoreOutcome, refusedCancel, restoreFailedError, restoreOutranCancelOutcome, restoreUnclearError, unsentCancel } from './outcomes';
import { isRestoringVolume } from './restore-end';
import { backoff, pause, type CinderTiming } from './timing';

export interface CancelRestore {
  api: CinderApi;
  timing: CinderTiming;
  watch: OutageWatch;
  backupId: string;
  volumeId: string;
  volumeLabel: string;
}

/**
 * Cancels a running restore the way Cinder documents it: an admin resets the backup's status away
 * from `restoring` (to `error`). Chunked drivers notice at their next chunk, then Cinder marks the
 * volume `error` and the backup `available` again; Ceph keeps writing and ends `available`. So the
 * VOLUME decides: only `error` after the reset counts as cancelled.
 */
export async function cancelRestore(c: CancelRestore): Promise<CancelResult> {
  const { api, backupId, volumeId } = c;
  const next = backoff(c.timing);
  // Read right before the reset (after a fresh sign-in): resetting a finished restore would mark a good backup error.
  const [backup, volume] = await readThrough(
    c.watch,
    async () => {
      await api.freshSession();
      return [await api.findBackup(backupId), await api.findVolume(volumeId)] as const;
    },
    () => pause(next()),
  );
  if (backup?.status !== 'restoring' || !volume || !isRestoringVolume(volume.status)) return { kind: 'too-late' };
  let status: number;
  try {
    status = await api.action(backupId, { 'os-reset_status': { status: 'error' } }, `cancelling the restore of backup ${backupId}`, [202, 200, 403, 405]);
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refused', why: unsentCancel(error), unsure: true };
    throw error;
  }
  if (status === 403 || status === 405) return { kind: 'refused', why: refusedCancel(status, 'reset-status') };
  return { kind: 'ended', outcome: await confirmStopped(c, next) };
}

/** Polls the volume until it leaves restoring-backup; its status says whether the cancel took. */
async function confirmStopped(c: CancelRestore, next: () => number): Promise<OperationOutcome> {
  const { api, backupId, volumeId, volumeLabel } = c;
  const deadline = Date.now() + c.timing.cancelConfirmMs;
  let lastStatus = 'restoring-backup';
  for (;;) {
    const got = await c.watch.attempt(() => api.findVolume(volumeId));
    if (got) {
      const volume = got.value;
      if (!volume) throw new AppError('not-found', `Volume ${volumeLabel} disappeared while Cinder was stopping the restore of backup ${backupId}.`, 'Refresh the volumes; restore again to a new volume if you still need the data.');
      lastStatus = volume.status;
      if (volume.status === 'error') {
        const backup = await readThrough(c.watch, () => api.findBackup(backupId), () => pause(next()));
        return { state: 'cancelled', outcome: cancelledRestoreOutcome(backupId, volumeLabel, backup?.status ?? 'gone'), backupId };
      }
      if (volume.status === 'available' || volume.status === 'in-use') return { state: 'succeeded', outcome: restoreOutranCancelOutcome(backupId, volumeLabel), backupId };
      if (volume.status === 'error_restoring') throw restoreFailedError(backupId, volumeLabel, volume.status);
      if (!isRestoringVolume(volume.status)) throw restoreUnclearError(backupId, volumeLabel, volume.status);
    }
    if (Date.now() > deadline) {
      throw new AppError(
        'server-error',
        `Could not confirm the cancel: Cinder accepted it, but volume ${volumeLabel} still shows ${lastStatus} after ${Math.round(c.timing.cancelConfirmMs / 1000)} s.`,
        `Check volume ${volumeLabel} before using it: backup drivers that are not chunked (Ceph) ignore the cancel and write to the end; a volume that ends error is partly written.`,
      );
    }
    await pause(next());
  }
}
