import { AppError } from '../../../shared/errors';
import type { OperationOutcome } from '../provider';
import type { Phase } from './api';
import type { EndStatusValue } from './wire-schemas';

export const cancelledCreateOutcome = 'Cancelled: Pieces OS stopped the backup; no partial backup was kept.';
export const cancelledRestoreOutcome = 'Cancelled: Pieces OS put the original database back.';
export const createAlreadyFinishedOutcome = 'The backup had already finished before the cancel reached Pieces OS.';
export const notStartedOutcome = 'Cancelled before Pieces OS was asked to do anything; nothing changed.';

export function restoreAlreadyFinishedOutcome(id: string): string {
  return `The restore had already finished before the cancel reached Pieces OS; the local database now holds backup ${id}.`;
}

export function finishedWhileClosedOutcome(id: string): string {
  return `Backup ${id} finished while Backup Console was closed; it is in your Pieces cloud.`;
}

export function backupFailedError(phase: Phase, id: string): AppError {
  return phase === 'creation'
    ? new AppError('server-error', 'Pieces OS reported that the backup failed; no backup was added to your cloud.', 'Check that Pieces OS is online and signed in to Pieces cloud, then try again.')
    : new AppError('server-error', `Pieces OS reported that the restore of backup ${id} failed.`, 'Open Pieces to check your snippets, then try again.');
}

/** What an end status reported by Pieces OS means for the job. Throws for FAILED. */
export function outcomeForEnd(phase: Phase, status: EndStatusValue, id: string, cancelRequested: boolean): OperationOutcome {
  if (status === 'FAILED') throw backupFailedError(phase, id);
  if (phase === 'creation') {
    if (status === 'COMPLETED') {
      return cancelRequested
        ? { state: 'succeeded', outcome: createAlreadyFinishedOutcome, backupId: id }
        : { state: 'succeeded', outcome: `Backup ${id} is in your Pieces cloud.`, backupId: id };
    }
    return { state: 'cancelled', outcome: cancelRequested ? cancelledCreateOutcome : 'Cancelled in Pieces OS (not from Backup Console); no partial backup was kept.' };
  }
  if (status === 'COMPLETED') {
    return cancelRequested
      ? { state: 'succeeded', outcome: restoreAlreadyFinishedOutcome(id), backupId: id }
      : { state: 'succeeded', outcome: `Restored backup ${id}: the local Pieces database now holds that backup.`, backupId: id };
  }
  return {
    state: 'cancelled',
    outcome: cancelRequested ? cancelledRestoreOutcome : 'Cancelled in Pieces OS (not from Backup Console); it put the original database back.',
    backupId: id,
  };
}
