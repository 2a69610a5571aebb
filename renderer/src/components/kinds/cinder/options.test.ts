import { describe, expect, it } from 'vitest';
import { cinderCreateOptions, initialCinderCreateDraft, validateCinderCreate, volumeUnavailableReason } from './create-options';
import { cinderRestoreOptions, targetVolumeUnavailableReason, validateCinderRestore } from './restore-options';

const GIB = 2 ** 30;

describe('Cinder create options', () => {
  it('needs a volume, and an in-use one only with force', () => {
    expect(validateCinderCreate(initialCinderCreateDraft()).volume_id).toBe('Pick the volume to back up');
    const inUse = { ...initialCinderCreateDraft(), volumeId: 'v1', volumeStatus: 'in-use' };
    expect(validateCinderCreate(inUse).volume_id).toMatch(/in-use volume/);
    expect(validateCinderCreate({ ...inUse, force: true }).volume_id).toBeUndefined();
  });

  it('offers available volumes, in-use ones only when forced, nothing else', () => {
    expect(volumeUnavailableReason({ status: 'available' }, false)).toBeUndefined();
    expect(volumeUnavailableReason({ status: 'in-use' }, true)).toBeUndefined();
    expect(volumeUnavailableReason({ status: 'in-use' }, false)).toBeDefined();
    expect(volumeUnavailableReason({ status: 'backing-up' }, true)).toMatch(/backing-up/);
  });

  it('sends booleans always and text only when given', () => {
    const draft = { ...initialCinderCreateDraft(), volumeId: 'v1', volumeStatus: 'available', name: '  nightly ', description: ' ', incremental: true };
    expect(cinderCreateOptions(draft)).toEqual({ volume_id: 'v1', name: 'nightly', incremental: true, force: false });
  });

  it('sends metadata rows as a record, and flags a key used twice', () => {
    const metadata = [
      { key: 'team', value: 'db' },
      { key: '', value: '' },
      { key: 'env', value: 'prod' },
    ];
    const draft = { ...initialCinderCreateDraft(), volumeId: 'v1', volumeStatus: 'available', snapshotId: 's1', container: 'c', metadata };
    expect(cinderCreateOptions(draft)).toEqual({ volume_id: 'v1', incremental: false, force: false, container: 'c', snapshot_id: 's1', metadata: { team: 'db', env: 'prod' } });
    const twice = validateCinderCreate({ ...draft, metadata: [...metadata, { key: 'team', value: 'x' }] });
    expect(twice['metadata.3']).toMatch(/already used/);
    expect(validateCinderCreate({ ...draft, metadata: [{ key: '', value: 'x' }] })['metadata.0']).toMatch(/key/);
  });
});

describe('Cinder restore options', () => {
  it('builds new and existing targets', () => {
    expect(cinderRestoreOptions({ target: 'new', volumeId: 'ignored', name: ' restored ' })).toEqual({ target: 'new', name: 'restored' });
    expect(cinderRestoreOptions({ target: 'new', volumeId: '', name: '' })).toEqual({ target: 'new' });
    expect(cinderRestoreOptions({ target: 'existing', volumeId: 'v2', name: 'ignored' })).toEqual({ target: 'existing', volume_id: 'v2' });
    expect(validateCinderRestore({ target: 'existing', volumeId: '', name: '' }).volume_id).toBeDefined();
    expect(validateCinderRestore({ target: 'new', volumeId: '', name: '' }).volume_id).toBeUndefined();
  });

  it('offers only available volumes at least as large as the backup', () => {
    const backup = { sizeBytes: 10 * GIB };
    expect(targetVolumeUnavailableReason({ status: 'available', sizeBytes: 10 * GIB }, backup)).toBeUndefined();
    expect(targetVolumeUnavailableReason({ status: 'available', sizeBytes: 5 * GIB }, backup)).toMatch(/Too small/);
    expect(targetVolumeUnavailableReason({ status: 'in-use', sizeBytes: 20 * GIB }, backup)).toMatch(/in-use/);
    expect(targetVolumeUnavailableReason({ status: 'available' }, backup)).toBeUndefined();
  });
});
