import type { Backup, OperationOptions } from '../../../../../shared/domain';
import { putText } from '../shared/text';
import type { FieldErrors } from '../types';
import { troveTextError } from './create-options';

const GIB = 2 ** 30;

export interface TroveRestoreDraft {
  name: string;
  flavorRef: string;
  /** Text while typing; whole GB when valid. */
  volumeSize: string;
  datastore: string;
  datastoreVersion: string;
}

/**
 * The smallest whole-GB volume the backup fits in (Trove refuses a smaller one). Trove reports
 * fractional GiB ("2.35 GiB"); the reported figure is used when present so rounding to bytes
 * cannot shift the result.
 */
export function minimumVolumeSize(backup: Pick<Backup, 'sizeBytes' | 'sizeReported'>): number {
  const reported = backup.sizeReported?.match(/^([\d.]+) GiB$/);
  const gib = reported ? Number(reported[1]) : (backup.sizeBytes ?? 0) / GIB;
  return Math.max(1, Math.ceil(Number.isFinite(gib) ? gib : 0));
}

function detailText(backup: Backup, key: string): string {
  const value = backup.details[key];
  return typeof value === 'string' ? value : '';
}

export function initialTroveRestoreDraft(backup: Backup): TroveRestoreDraft {
  return {
    name: '',
    flavorRef: '',
    volumeSize: String(minimumVolumeSize(backup)),
    datastore: detailText(backup, 'datastore'),
    datastoreVersion: detailText(backup, 'datastore_version'),
  };
}

export function validateTroveRestore(draft: TroveRestoreDraft, backup: Backup): FieldErrors {
  const minimum = minimumVolumeSize(backup);
  const size = draft.volumeSize.trim();
  return {
    name: troveTextError(draft.name, true, 'Give the new instance a name'),
    flavorRef: draft.flavorRef === '' ? 'Pick a flavor for the new instance' : undefined,
    volume_size: !/^\d+$/.test(size)
      ? 'Enter a whole number of GB'
      : Number(size) < minimum
        ? `At least ${minimum} GB: the backup does not fit in less`
        : undefined,
    datastore: troveTextError(draft.datastore, false, ''),
    datastore_version: troveTextError(draft.datastoreVersion, false, ''),
  };
}

export function troveRestoreOptions(draft: TroveRestoreDraft): OperationOptions {
  const options: OperationOptions = { name: draft.name.trim(), flavorRef: draft.flavorRef, volume_size: Number(draft.volumeSize.trim()) };
  putText(options, 'datastore', draft.datastore);
  putText(options, 'datastore_version', draft.datastoreVersion);
  return options;
}
