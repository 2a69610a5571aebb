import type { OperationOptions, Resource } from '../../../../../shared/domain';
import { metadataErrors, metadataRecord, type MetadataRow } from '../shared/metadata-rows';
import { putText, tooLong } from '../shared/text';
import type { FieldErrors } from '../types';

export interface CinderCreateDraft {
  volumeId: string;
  /** Status of the picked volume, kept so unticking "force" can flag an in-use pick. */
  volumeStatus: string;
  name: string;
  description: string;
  container: string;
  incremental: boolean;
  force: boolean;
  snapshotId: string;
  metadata: MetadataRow[];
}

export function initialCinderCreateDraft(): CinderCreateDraft {
  return { volumeId: '', volumeStatus: '', name: '', description: '', container: '', incremental: false, force: false, snapshotId: '', metadata: [] };
}

/** Why a volume cannot be backed up with these settings; undefined when it can. */
export function volumeUnavailableReason(volume: Pick<Resource, 'status'>, force: boolean): string | undefined {
  const status = volume.status ?? 'unknown';
  if (status === 'available') return undefined;
  if (status === 'in-use') return force ? undefined : 'Attached to a server: tick “Back up an in-use volume” to allow it';
  return `Status ${status}: Cinder backs up only available (or, when forced, in-use) volumes`;
}

export function validateCinderCreate(draft: CinderCreateDraft): FieldErrors {
  const errors: FieldErrors = { ...metadataErrors(draft.metadata) };
  if (draft.volumeId === '') errors.volume_id = 'Pick the volume to back up';
  else errors.volume_id = volumeUnavailableReason({ status: draft.volumeStatus }, draft.force);
  errors.name = tooLong(draft.name);
  errors.description = tooLong(draft.description);
  errors.container = tooLong(draft.container);
  errors.snapshot_id = tooLong(draft.snapshotId);
  return errors;
}

export function cinderCreateOptions(draft: CinderCreateDraft): OperationOptions {
  const options: OperationOptions = { volume_id: draft.volumeId, incremental: draft.incremental, force: draft.force };
  putText(options, 'name', draft.name);
  putText(options, 'description', draft.description);
  putText(options, 'container', draft.container);
  putText(options, 'snapshot_id', draft.snapshotId);
  const metadata = metadataRecord(draft.metadata);
  if (Object.keys(metadata).length > 0) options.metadata = metadata;
  return options;
}
