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
  return { notes: '', keepCopy: false };
}

export function validateJujuCreate(draft: JujuCreateDraft): FieldErrors {
  return { notes: tooLong(draft.notes, maxJujuNotes) };
}

/** Blank notes and an unticked keep-copy are left out, so a 3.x controller is never sent what it does not know. */
export function jujuCreateOptions(draft: JujuCreateDraft): OperationOptions {
  const options: OperationOptions = {};
  putText(options, 'notes', draft.notes);
  if (draft.keepCopy) options.keep_copy = true;
  return options;
}
