import type { OperationOptions } from '../../../../../shared/domain';
import { putText, tooLong } from '../shared/text';
import type { FieldErrors } from '../types';

/** Juju accepts free-form notes on a backup; the provider caps them at this length. */
export const maxJujuNotes = 1000;

export interface JujuCreateDraft {
  notes: string;
  /** Juju 2.x (Backups facade 1/2) only: keep the archive on the controller after it is downloaded. */
  keepCopy: boolean;
}

export function initialJujuCreateDraft(): JujuCreateDraft {
  // Juju 2.x's own default: the backup stays stored on the controller. The provider drops it for 3.x.
  return { notes: '', keepCopy: true };
}

export function validateJujuCreate(draft: JujuCreateDraft): FieldErrors {
  return { notes: tooLong(draft.notes, maxJujuNotes) };
}

/** Blank notes are left out; keep-copy is always said, so an unticked box means no copy (the provider sends it only to 2.x). */
export function jujuCreateOptions(draft: JujuCreateDraft): OperationOptions {
  const options: OperationOptions = { keep_copy: draft.keepCopy };
  putText(options, 'notes', draft.notes);
  return options;
}
