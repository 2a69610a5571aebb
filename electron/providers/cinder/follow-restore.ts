import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome } from '../provider';
import type { CinderApi } from './api';
import { cancelRestore } from './cancel-restore';
import { watchContact } from './contact';
import { describeVolume } from './normalise';
import { cancelledRestoreOutcome, noCancel, type CancelFate } from './outcomes';
import { judgeRestore } from './restore-end';
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
 * Polls the target volume and the backup until the volume leaves restoring-backup (see
 * judgeRestore). Cancel resets the backup's status (admin); a refusal keeps following.
 */
export async function followRestore(f: FollowRestore): Promise<OperationOutcome> {
  const { api, op, backupId, volumeId } = f;
  const startedAt = f.startedAt ?? Date.now();
  const next = backoff(f.timing);
  let cancel: CancelFate = noCancel;
  let volumeLabel = describeVolume(volumeId, f.volumeName);
  const watch = watchContact({ log: api.log, timing: f.timing, op, running: `restoring backup ${backupId} into volume ${volumeLabel}`, check: `volume ${volumeLabel} and backup ${backupId}` });
  // Once a cancel was tried, an aborted signal must not turn the pause into a busy loop.
  const wait = () => pause(next(), cancel.fate === 'none' ? op.signal : undefined);
  for (;;) {
    if (op.signal.aborted && cancel.fate === 'none') {
      op.progress({ stage: 'Asking Cinder to stop the restore' });
      const result = await cancelRestore({ api, timing: f.timing, watch, backupId, volumeId, volumeLabel });
      if (result.kind === 'ended') return result.outcome;
      cancel = result.kind === 'too-late' ? { fate: 'too-late' } : { fate: 'refused', why: result.why, unsure: result.unsure };
    }
    const got = await watch.attempt(async () => [await api.findVolume(volumeId), await api.findBackup(backupId)] as const);
    if (!got) {
      await wait();
      continue;
    }
    const [volume, backup] = got.value;
    if (!volume) throw new AppError('not-found', `Volume ${volumeLabel} disappeared while Cinder was restoring backup ${backupId} into it.`, 'Refresh the volumes; restore again to a new volume if you still need the data.');
    volumeLabel = describeVolume(volumeId, volume.name ?? f.volumeName);
    // A reset whose answer was lost on the way did get through after all.
    if (volume.status === 'error' && cancel.fate === 'refused' && cancel.unsure) return { state: 'cancelled', outcome: cancelledRestoreOutcome(backupId, volumeLabel, backup?.status ?? 'gone'), backupId };
    const end = judgeRestore(backupId, volumeLabel, volume, backup, cancel);
    if (end.kind === 'succeeded') return end.outcome;
    if (end.kind === 'failed') throw end.error;
    const refused = cancel.fate === 'refused' ? ` (${cancel.why})` : '';
    op.progress({ stage: `Cinder is restoring backup ${backupId} to volume ${volumeLabel}: volume ${volume.status}, backup ${backup?.status ?? 'gone'}, ${elapsedText(startedAt)}${refused}` });
    await wait();
  }
}
