import type { OperationContext, OperationOutcome } from '../provider';
import type { CinderApi } from './api';
import { cancelRestore } from './cancel-restore';
import { describeVolume } from './normalise';
import { noCancel, restoredOutcome, restoreFailedError, type CancelFate } from './outcomes';
import { AppError } from '../../../shared/errors';
import { backoff, elapsedText, pause, type CinderTiming } from './timing';

export interface FollowRestore {
  api: CinderApi;
  timing: CinderTiming;
  op: OperationContext;
  backupId: string;
  volumeId: string;
  volumeName?: string;
  startedAt?: number;
}

/**
 * Polls the target volume (restoring-backup → available, or error_restoring) and the backup
 * (restoring → available). Cancel resets the backup's status (admin); a refusal keeps following.
 */
export async function followRestore(f: FollowRestore): Promise<OperationOutcome> {
  const { api, op, backupId, volumeId } = f;
  const startedAt = f.startedAt ?? Date.now();
  const next = backoff(f.timing);
  let cancel: CancelFate = noCancel;
  let volumeLabel = describeVolume(volumeId, f.volumeName);
  for (;;) {
    if (op.signal.aborted && cancel.fate === 'none') {
      op.progress({ stage: 'Asking Cinder to stop the restore' });
      const result = await cancelRestore(api, f.timing, backupId, volumeId, volumeLabel);
      if (result.kind === 'ended') return result.outcome;
      cancel = { fate: 'refused', why: result.why };
    }
    const volume = await api.findVolume(volumeId);
    if (!volume) throw new AppError('not-found', `Volume ${volumeLabel} disappeared while Cinder was restoring backup ${backupId} into it.`, 'Refresh the volumes; restore again to a new volume if you still need the data.');
    volumeLabel = describeVolume(volumeId, volume.name ?? f.volumeName);
    if (volume.status === 'error_restoring') {
      const backup = await api.findBackup(backupId);
      throw restoreFailedError(backupId, volumeLabel, backup?.fail_reason ?? undefined);
    }
    const backup = await api.findBackup(backupId);
    const backupStatus = backup?.status ?? 'gone';
    if (volume.status === 'available' && backupStatus !== 'restoring') {
      return { state: 'succeeded', outcome: restoredOutcome(backupId, volumeLabel, cancel), backupId };
    }
    const refused = cancel.fate === 'refused' ? ` (${cancel.why})` : '';
    op.progress({ stage: `Cinder is restoring backup ${backupId} to volume ${volumeLabel}: volume ${volume.status}, backup ${backupStatus}, ${elapsedText(startedAt)}${refused}` });
    await pause(next(), cancel.fate === 'none' ? op.signal : undefined);
  }
}
