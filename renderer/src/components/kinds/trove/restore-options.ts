import type { Backup, OperationOptions, Resource } from '../../../../../shared/domain';
import { putText } from '../shared/text';
import type { FieldErrors } from '../types';
import { troveTextError } from './create-options';

const GIB = 2 ** 30;

export interface TroveRestoreDraft {
  name: string;
  flavorRef: string;
  /** Text while typing; whole GB when valid. */
  volumeSize: string;
  /** The operator typed a size: the prefill from the instance list must not overwrite it. */
  volumeSizeTouched: boolean;
  datastore: string;
  datastoreVersion: string;
}

/**
 * The smallest whole-GB volume the backup fits in (Trove refuses a smaller one). Trove reports
 * fractional GiB ("2.35 GiB"); the reported figure is used when present so rounding to bytes
 * cannot shift the result.
 */
export function minimumVolumeSize(backup: Pick<Backup, 'sizeBytes' | 'sizeReported'>): number {
  return Math.max(1, Math.ceil(gibOf(backup)));
}

function gibOf(item: Pick<Backup, 'sizeBytes' | 'sizeReported'>): number {
  const reported = item.sizeReported?.match(/^([\d.]+) GiB$/);
  const gib = reported ? Number(reported[1]) : (item.sizeBytes ?? 0) / GIB;
  return Number.isFinite(gib) ? gib : 0;
}

/**
 * A backup's size is its DATA (used space, or the compressed stream on older Trove), so a volume
 * of just that size fills up during the restore. Without the source volume's size: ×1.5 rounded
 * up, and at least 1 GB above the minimum.
 */
export function volumeSizeWithMargin(backup: Pick<Backup, 'sizeBytes' | 'sizeReported'>): number {
  return Math.max(Math.ceil(gibOf(backup) * 1.5), minimumVolumeSize(backup) + 1);
}

/** The instance the backup was taken of, while the instance list still has it with a size. */
export function sourceInstanceOf(backup: Pick<Backup, 'source'>, instances: readonly Resource[] | undefined): Resource | undefined {
  return instances?.find((i) => i.id === backup.source && (i.sizeBytes !== undefined || i.sizeReported !== undefined));
}

/** What the form prefills: the source instance's volume size when it still exists, else the backup size with a margin; never below the minimum. */
export function suggestedVolumeSize(backup: Backup, instances?: readonly Resource[]): number {
  const source = sourceInstanceOf(backup, instances);
  if (!source) return volumeSizeWithMargin(backup);
  return Math.max(Math.ceil(gibOf(source)), minimumVolumeSize(backup));
}

function detailText(backup: Backup, key: string): string {
  const value = backup.details[key];
  return typeof value === 'string' ? value : '';
}

export function initialTroveRestoreDraft(backup: Backup): TroveRestoreDraft {
  return {
    name: '',
    flavorRef: '',
    volumeSize: String(suggestedVolumeSize(backup)),
    volumeSizeTouched: false,
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
