import { AppError } from '../../../shared/errors';

export const notStartedOutcome = 'Cancelled before Cinder was asked to do anything; nothing changed.';
export const cancelledCreateOutcome =
  'Cancelled: Cinder force-deleted the partial backup. The source volume may show backing-up for a few minutes. If the backup finished at that very moment, the finished backup was deleted too.';

/**
 * What became of the user's cancel, which decides the wording when the operation ended some other way.
 * `unsure`: the request failed on the way, so Cinder may have taken it after all.
 */
export type CancelFate = { fate: 'none' } | { fate: 'refused'; why: string; unsure?: boolean } | { fate: 'too-late' };
export const noCancel: CancelFate = { fate: 'none' };

export function createdOutcome(backupId: string, volumeId: string | undefined, cancel: CancelFate): string {
  const done = `Backup ${backupId}${volumeId ? ` of volume ${volumeId}` : ''} is available in Cinder.`;
  return cancel.fate === 'refused' ? `${cancel.why}, so the backup ran to the end. ${done}` : done;
}

export function createAlreadyFinishedOutcome(backupId: string): string {
  return `The backup had already finished before the cancel reached Cinder: backup ${backupId} is available.`;
}

export function restoredOutcome(backupId: string, volume: string, cancel: CancelFate): string {
  if (cancel.fate === 'too-late') return restoreAlreadyFinishedOutcome(backupId, volume);
  const done = `Restored backup ${backupId} to volume ${volume}; the volume is available.`;
  return cancel.fate === 'refused' ? `${cancel.why}, so the restore ran to the end. ${done}` : done;
}

export function restoreAlreadyFinishedOutcome(backupId: string, volume: string): string {
  return `The restore had already finished before the cancel reached Cinder: volume ${volume} holds backup ${backupId}.`;
}

/** Ceph and other non-chunked drivers ignore the reset and write to the end. */
export function restoreOutranCancelOutcome(backupId: string, volume: string): string {
  return `The restore completed before the cancel took effect (Cinder's backup driver only stops between chunks, and Ceph not at all): volume ${volume} holds backup ${backupId} and is available.`;
}

/** After a cancel Cinder puts the backup back to available; `backupStatus` is what it showed last. */
export function cancelledRestoreOutcome(backupId: string, volume: string, backupStatus: string): string {
  const backup =
    backupStatus === 'available' ? `Backup ${backupId} is available again.` : `Backup ${backupId} still shows ${backupStatus}; once Cinder has cleaned up it returns to available (a cloud admin can reset it).`;
  return `Cancelled: Cinder stopped restoring backup ${backupId} and marked volume ${volume} error. The target volume is partly written: delete it or restore again. ${backup}`;
}

/** The clause used when Cinder would not take a cancel; the operation is then followed to its real end. */
export function refusedCancel(status: number, action: 'force-delete' | 'reset-status'): string {
  if (status === 403) return `Cinder refused the cancel (only cloud admins may ${action === 'force-delete' ? 'force-delete a backup' : "reset a backup's status"})`;
  if (status === 405) return "Cinder refused the cancel (this cloud's backup driver cannot stop a running backup)";
  return `Cinder refused the cancel (HTTP ${status})`;
}

/** The clause used when the cancel request itself failed: Cinder may or may not have taken it. */
export function unsentCancel(error: AppError): string {
  return `The cancel did not get through to Cinder (${error.message.replace(/[.\s]+$/, '')})`;
}

export function backupFailedError(backupId: string, failReason: string | null | undefined): AppError {
  return new AppError(
    'server-error',
    `Cinder reported that backup ${backupId} failed${failReason ? `: ${failReason.replace(/[.\s]+$/, '')}` : ''}.`,
    'Check the volume and the backup service, delete the failed backup, then try again.',
  );
}

/** The target volume ended `error` or `error_restoring`. */
export function restoreFailedError(backupId: string, volume: string, status: string, why?: string | null): AppError {
  return new AppError(
    'server-error',
    `Cinder could not restore backup ${backupId}: volume ${volume} is in ${status}${why ? ` (${why.replace(/[.\s]+$/, '')})` : ''}.`,
    'The volume may hold partial data: delete it, check the backup service logs, then try again.',
  );
}

/** The target volume ended in a status a restore never leaves it in (someone else acted on it). */
export function restoreUnclearError(backupId: string, volume: string, status: string): AppError {
  return new AppError('server-error', `The restore of backup ${backupId} ended with volume ${volume} in status ${status}, so Backup Console cannot tell whether it completed.`, `Volume ${volume} is ${status}; check it before use.`);
}
