import { AppError } from '../../../shared/errors';
import type { OperationOutcome } from '../provider';
import type { Phase } from './api';
import type { EndStatusValue } from './wire-schemas';

export const cancelledCreateOutcome = 'Cancelled: Pieces OS stopped the backup; no partial backup was kept.';
export const cancelledRestoreOutcome = 'Cancelled: Pieces OS put the original database back.';
export const createAlreadyFinishedOutcome = 'The backup had already finished before the cancel reached Pieces OS.';
export const notStartedOutcome = 'Cancelled before Pieces OS was asked to do anything; nothing changed.';

/** What became of the user's cancel: it decides the wording when the operation ended some other way. */
export type CancelContext =
  | { fate: 'none' }
  /** The cancel reached Pieces OS: accepted, or answered "nothing running" because the operation had ended. */
  | { fate: 'sent'; idLearntLate?: boolean }
  /** Pieces OS would not stop an operation that was still running; `why` is a clause such as "Pieces OS refused the cancel (…)". */
  | { fate: 'refused'; why: string };

export const noCancel: CancelContext = { fate: 'none' };

export function restoreAlreadyFinishedOutcome(id: string): string {
  return `The restore had already finished before the cancel reached Pieces OS; the local database now holds backup ${id}.`;
}

export function finishedWhileClosedOutcome(id: string): string {
  return `Backup ${id} finished while Backup Console was closed; it is in your Pieces cloud.`;
}

export function finishedBeforeCancelWhileClosedOutcome(id: string): string {
  return `Backup ${id} finished while Backup Console was closed, before the cancel could reach Pieces OS; it is in your Pieces cloud.`;
}

/** A server's error text inside our own sentence, without its closing period. */
export function quoted(serverText: string): string {
  return serverText.trim().replace(/[.\s]+$/, '') || 'Internal Server Error';
}

/** The sentence for an operation that completed, given what the user's cancel did. */
export function completedOutcome(phase: Phase, id: string, cancel: CancelContext): string {
  if (phase === 'creation') {
    if (cancel.fate === 'none') return `Backup ${id} is in your Pieces cloud.`;
    if (cancel.fate === 'refused') return `${cancel.why}, so the backup ran to the end: backup ${id} is in your Pieces cloud.`;
    return cancel.idLearntLate
      ? `The backup finished before the cancel could be sent: Pieces OS had not yet said which backup it was making. Backup ${id} is in your Pieces cloud.`
      : createAlreadyFinishedOutcome;
  }
  if (cancel.fate === 'none') return `Restored backup ${id}: the local Pieces database now holds that backup.`;
  if (cancel.fate === 'refused') return `${cancel.why}, so the restore ran to the end: the local Pieces database now holds backup ${id}.`;
  return restoreAlreadyFinishedOutcome(id);
}

export function backupFailedError(phase: Phase, id: string): AppError {
  return phase === 'creation'
    ? new AppError('server-error', 'Pieces OS reported that the backup failed; no backup was added to your cloud.', 'Check that Pieces OS is online and signed in to Pieces cloud, then try again.')
    : new AppError('server-error', `Pieces OS reported that the restore of backup ${id} failed.`, 'Open Pieces to check your snippets, then try again.');
}

/** Pieces OS stopped reporting a restore without Backup Console seeing how it ended. */
export function restoreUnconfirmedError(id: string): AppError {
  return new AppError(
    'server-error',
    `Pieces OS no longer reports the restore, and Backup Console did not see it end: whether the restore of backup ${id} completed could not be confirmed.`,
    `Check Pieces OS before relying on the local database: open Pieces and see whether your snippets are those of backup ${id}.`,
  );
}

/** What an end status reported by Pieces OS means for the job. Throws for FAILED. */
export function outcomeForEnd(phase: Phase, status: EndStatusValue, id: string, cancel: CancelContext): OperationOutcome {
  if (status === 'FAILED') throw backupFailedError(phase, id);
  if (status === 'COMPLETED') return { state: 'succeeded', outcome: completedOutcome(phase, id, cancel), backupId: id };
  const asked = cancel.fate !== 'none';
  if (phase === 'creation') {
    return { state: 'cancelled', outcome: asked ? cancelledCreateOutcome : 'Cancelled in Pieces OS (not from Backup Console); no partial backup was kept.' };
  }
  return { state: 'cancelled', outcome: asked ? cancelledRestoreOutcome : 'Cancelled in Pieces OS (not from Backup Console); it put the original database back.', backupId: id };
}
