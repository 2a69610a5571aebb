import type { AppError } from '../../../shared/errors';
import type { OperationOutcome } from '../provider';
import { restoredOutcome, restoreFailedError, restoreUnclearError, type CancelFate } from './outcomes';
import type { WireBackup, WireVolume } from './wire-schemas';

/** The target of a running restore: `creating` while Cinder builds a new volume, then `restoring-backup`. */
export function isRestoringVolume(status: string): boolean {
  return status === 'restoring-backup' || status === 'creating';
}

export type RestoreEnd = { kind: 'running' } | { kind: 'succeeded'; outcome: OperationOutcome } | { kind: 'failed'; error: AppError };

/**
 * How a restore stands, judged from the target volume. Every status other than restoring-backup
 * and creating is final: Cinder sets `error` on a cancelled restore and on failed pre-checks
 * (manager.py restore_backup), `error_restoring` when the driver failed, and a volume may be
 * `in-use` already when the app re-attaches late.
 */
export function judgeRestore(backupId: string, volumeLabel: string, volume: WireVolume, backup: WireBackup | null, cancel: CancelFate): RestoreEnd {
  const status = volume.status;
  if (isRestoringVolume(status)) return { kind: 'running' };
  if (status === 'available' || status === 'in-use') {
    // Cinder saves the volume before the backup: a backup still `restoring` is a moment from done.
    if (backup?.status === 'restoring') return { kind: 'running' };
    return { kind: 'succeeded', outcome: { state: 'succeeded', outcome: restoredOutcome(backupId, volumeLabel, cancel), backupId } };
  }
  if (status === 'error' || status === 'error_restoring') return { kind: 'failed', error: restoreFailedError(backupId, volumeLabel, status, backup?.fail_reason) };
  return { kind: 'failed', error: restoreUnclearError(backupId, volumeLabel, status) };
}
