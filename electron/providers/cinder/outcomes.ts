import { AppError } from '../../../shared/errors';

export const notStartedOutcome = 'Cancelled before Cinder was asked to do anything; nothing changed.';
export const cancelledCreateOutcome = 'Cancelled: Cinder force-deleted the partial backup. The source volume may show backing-up for a few minutes.';

/** What became of the user's cancel, which decides the wording when the operation ended some other way. */
export type CancelFate = { fate: 'none' } | { fate: 'refused'; why: string };
export const noCancel: CancelFate = { fate: 'none' };

export function createdOutcome(backupId: string, volumeId: string | undefined, cancel: CancelFate): string {
  const done = `Backup ${backupId}${volumeId ? ` of volume ${volumeId}` : ''} is available in Cinder.`;
  return cancel.fate === 'refused' ? `${cancel.why}, so the backup ran to the end. ${done}` : done;
}

export function createAlreadyFinishedOutcome(backupId: string): string {
  return `The backup had already finished before the cancel reached Cinder: backup ${backupId} is available.`;
}

export function restoredOutcome(backupId: string, volume: string, cancel: CancelFate): string {
  const done = `Restored backup ${backupId} to volume ${volume}; the volume is available.`;
  return cancel.fate === 'refused' ? `${cancel.why}, so the restore ran to the end. ${done}` : done;
}

export function restoreAlreadyFinishedOutcome(backupId: string, volume: string): string {
  return `The restore had already finished before the cancel reached Cinder: volume ${volume} holds backup ${backupId}.`;
}

export function cancelledRestoreOutcome(backupId: string, volume: string): string {
  return `Cancelled: Cinder stopped restoring backup ${backupId}. Volume ${volume} is only partly written and unusable: delete it. The backup is now marked error; a cloud admin can reset it to available.`;
}

/** The clause used when Cinder would not take a cancel; the operation is then followed to its real end. */
export function refusedCancel(status: number, action: 'force-delete' | 'reset-status'): string {
  if (status === 403) return `Cinder refused the cancel (only cloud admins may ${action === 'force-delete' ? 'force-delete a backup' : "reset a backup's status"})`;
  if (status === 405) return "Cinder refused the cancel (this cloud's backup driver cannot stop a running backup)";
  return `Cinder refused the cancel (HTTP ${status})`;
}

export function backupFailedError(backupId: string, failReason: string | null | undefined): AppError {
  return new AppError(
    'server-error',
    `Cinder reported that backup ${backupId} failed${failReason ? `: ${failReason.replace(/[.\s]+$/, '')}` : ''}.`,
    'Check the volume and the backup service, delete the failed backup, then try again.',
  );
}

export function restoreFailedError(backupId: string, volume: string, why?: string): AppError {
  return new AppError(
    'server-error',
    `Cinder could not restore backup ${backupId}: volume ${volume} is in error_restoring${why ? ` (${why})` : ''}.`,
    'The volume holds partial data: delete it, check the backup service logs, then try again.',
  );
}
