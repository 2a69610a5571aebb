import { describe, expect, it } from 'vitest';
import type { Backup } from '../../../../../shared/domain';
import { initialTroveCreateDraft, instanceUnavailableReason, parentCandidates, troveCreateOptions, validateTroveCreate } from './create-options';
import { initialTroveRestoreDraft, minimumVolumeSize, suggestedVolumeSize, troveRestoreOptions, validateTroveRestore, volumeSizeWithMargin } from './restore-options';

const GIB = 2 ** 30;

function backup(over: Partial<Backup> = {}): Backup {
  return { id: 'b1', endpointId: 'e1', state: 'available', statusText: 'COMPLETED', details: {}, ...over };
}

describe('Trove create options', () => {
  it('needs an instance and a name with a letter or digit', () => {
    const errors = validateTroveCreate({ ...initialTroveCreateDraft(), name: '---' });
    expect(errors.instance).toBeDefined();
    expect(errors.name).toMatch(/letter or digit/);
    expect(validateTroveCreate({ ...initialTroveCreateDraft(), instance: 'i1', name: 'nightly' })).toEqual({ instance: undefined, name: undefined, description: undefined });
  });

  it('lets only ACTIVE or HEALTHY instances be picked', () => {
    expect(instanceUnavailableReason({ status: 'ACTIVE' })).toBeUndefined();
    expect(instanceUnavailableReason({ status: 'HEALTHY' })).toBeUndefined();
    expect(instanceUnavailableReason({ status: 'BUILD' })).toMatch(/BUILD/);
  });

  it('sends parent_id only for an incremental backup', () => {
    const draft = { instance: 'i1', name: ' n ', description: '', incremental: false, parentId: 'p1' };
    expect(troveCreateOptions(draft)).toEqual({ instance: 'i1', name: 'n', incremental: false });
    expect(troveCreateOptions({ ...draft, incremental: true, description: 'd' })).toEqual({ instance: 'i1', name: 'n', incremental: true, description: 'd', parent_id: 'p1' });
    expect(troveCreateOptions({ ...draft, incremental: true, parentId: '' })).toEqual({ instance: 'i1', name: 'n', incremental: true });
  });

  it('offers completed backups of the same instance as parents, newest first', () => {
    const list = [
      backup({ id: 'old', source: 'i1', createdAt: '2024-01-01T00:00:00Z' }),
      backup({ id: 'other', source: 'i2' }),
      backup({ id: 'failed', source: 'i1', state: 'error' }),
      backup({ id: 'new', source: 'i1', createdAt: '2024-02-01T00:00:00Z' }),
    ];
    expect(parentCandidates(list, 'i1').map((b) => b.id)).toEqual(['new', 'old']);
    expect(parentCandidates(list, '')).toEqual([]);
  });
});

describe('Trove restore options', () => {
  it('defaults the volume to the backup size rounded up, at least 1 GB', () => {
    expect(minimumVolumeSize({ sizeReported: '2.35 GiB', sizeBytes: Math.round(2.35 * GIB) })).toBe(3);
    expect(minimumVolumeSize({ sizeBytes: 2 * GIB })).toBe(2);
    expect(minimumVolumeSize({ sizeReported: '0.01 GiB' })).toBe(1);
    expect(minimumVolumeSize({})).toBe(1);
  });

  it('prefills the source instance volume size, else the backup size with a margin: the backup size is only the minimum', () => {
    const b = backup({ source: 'i1', sizeReported: '1.62 GiB' });
    expect(volumeSizeWithMargin(b)).toBe(3);
    expect(volumeSizeWithMargin({ sizeReported: '10 GiB' })).toBe(15);
    expect(volumeSizeWithMargin({ sizeReported: '0.01 GiB' })).toBe(2);
    expect(initialTroveRestoreDraft(b).volumeSize).toBe('3');
    const instances = [{ id: 'i1', details: {}, sizeBytes: 10 * GIB, sizeReported: '10 GiB' }, { id: 'i2', details: {}, sizeReported: '50 GiB' }];
    expect(suggestedVolumeSize(b, instances)).toBe(10);
    expect(suggestedVolumeSize(backup({ source: 'gone', sizeReported: '1.62 GiB' }), instances)).toBe(3);
    expect(suggestedVolumeSize(backup({ source: 'i1', sizeReported: '12.5 GiB' }), instances)).toBe(13);
  });

  it('starts from the backup datastore and refuses a smaller volume', () => {
    const b = backup({ sizeReported: '4.2 GiB', details: { datastore: 'mysql', datastore_version: '8.0' } });
    const draft = initialTroveRestoreDraft(b);
    expect(draft).toEqual({ name: '', flavorRef: '', volumeSize: '7', volumeSizeTouched: false, datastore: 'mysql', datastoreVersion: '8.0' });
    const errors = validateTroveRestore({ ...draft, volumeSize: '4' }, b);
    expect(errors.name).toBeDefined();
    expect(errors.flavorRef).toBeDefined();
    expect(errors.volume_size).toMatch(/At least 5 GB/);
    expect(validateTroveRestore({ ...draft, volumeSize: '5.5' }, b).volume_size).toMatch(/whole number/);
  });

  it('sends volume_size as a number and leaves blank datastore fields out', () => {
    const options = troveRestoreOptions({ name: ' db2 ', flavorRef: '3', volumeSize: '5', volumeSizeTouched: true, datastore: 'mysql', datastoreVersion: ' ' });
    expect(options).toEqual({ name: 'db2', flavorRef: '3', volume_size: 5, datastore: 'mysql' });
  });
});
