import type { Backup, OperationOptions, Resource } from '../../../../../shared/domain';
import { hasLetterOrDigit, putText, tooLong } from '../shared/text';
import type { FieldErrors } from '../types';

export interface TroveCreateDraft {
  instance: string;
  name: string;
  description: string;
  incremental: boolean;
  /** '' = let Trove use the instance's latest completed backup. */
  parentId: string;
}

export function initialTroveCreateDraft(): TroveCreateDraft {
  return { instance: '', name: '', description: '', incremental: false, parentId: '' };
}

/** Trove backs up only a running instance whose database answers. */
export function instanceUnavailableReason(instance: Pick<Resource, 'status'>): string | undefined {
  const status = instance.status ?? 'unknown';
  return status === 'ACTIVE' || status === 'HEALTHY' ? undefined : `Status ${status}: only ACTIVE or HEALTHY instances can be backed up`;
}

/** Completed backups of the instance an incremental backup can build on, newest first. */
export function parentCandidates(backups: readonly Backup[], instanceId: string): Backup[] {
  if (instanceId === '') return [];
  return backups
    .filter((b) => b.source === instanceId && b.state === 'available')
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

/** Trove's rule for names and descriptions: 1-255 characters with at least one letter or digit. */
export function troveTextError(text: string, required: boolean, missing: string): string | undefined {
  if (text.trim() === '') return required ? missing : undefined;
  if (!hasLetterOrDigit(text)) return 'Must contain at least one letter or digit';
  return tooLong(text);
}

export function validateTroveCreate(draft: TroveCreateDraft): FieldErrors {
  return {
    instance: draft.instance === '' ? 'Pick the database instance to back up' : undefined,
    name: troveTextError(draft.name, true, 'Give the backup a name'),
    description: troveTextError(draft.description, false, ''),
  };
}

export function troveCreateOptions(draft: TroveCreateDraft): OperationOptions {
  const options: OperationOptions = { instance: draft.instance, name: draft.name.trim(), incremental: draft.incremental };
  putText(options, 'description', draft.description);
  if (draft.incremental) putText(options, 'parent_id', draft.parentId);
  return options;
}
