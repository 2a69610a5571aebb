import type { Backup, OperationOptions, Resource } from '../../../../../shared/domain';
import { formatBytes } from '../../../lib/format-bytes';
import { putText, tooLong } from '../shared/text';
import type { FieldErrors } from '../types';

export type CinderRestoreTarget = 'new' | 'existing';

export interface CinderRestoreDraft {
  target: CinderRestoreTarget;
  volumeId: string;
  name: string;
}

export function initialCinderRestoreDraft(): CinderRestoreDraft {
  // A new volume overwrites nothing: the safe default.
  return { target: 'new', volumeId: '', name: '' };
}

/** Mirror of main's rule: only restoring onto an existing volume overwrites data, so only that needs the typed id. */
/** Why a volume cannot receive this backup; undefined when it can (unknown sizes are left to Cinder to check). */
export function targetVolumeUnavailableReason(volume: Pick<Resource, 'status' | 'sizeBytes'>, backup: Pick<Backup, 'sizeBytes'>): string | undefined {
  const status = volume.status ?? 'unknown';
  if (status !== 'available') return `Status ${status}: only an available (detached) volume can be restored onto`;
  if (volume.sizeBytes !== undefined && backup.sizeBytes !== undefined && volume.sizeBytes < backup.sizeBytes) {
    return `Too small: ${formatBytes(volume.sizeBytes)}, the backup needs ${formatBytes(backup.sizeBytes)}`;
  }
  return undefined;
}

export function validateCinderRestore(draft: CinderRestoreDraft): FieldErrors {
  if (draft.target === 'existing') return { volume_id: draft.volumeId === '' ? 'Pick the volume to overwrite' : undefined };
  return { name: tooLong(draft.name) };
}

export function cinderRestoreOptions(draft: CinderRestoreDraft): OperationOptions {
  if (draft.target === 'existing') return { target: 'existing', volume_id: draft.volumeId };
  const options: OperationOptions = { target: 'new' };
  putText(options, 'name', draft.name);
  return options;
}
