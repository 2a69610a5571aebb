import { describe, expect, it } from 'vitest';
import { readJsonSample } from '../openstack/test-support/samples';
import { dependentsById, toDomainBackup, toDomainBackups } from './normalise';
import { backupStateOf } from './states';
import { defaultRestoreVolumeSize, volumeSizeFor, volumeSizeWithMargin } from './sizes';
import { backupListSchema, type WireBackup } from './wire-schemas';

const sampleList = backupListSchema.parse(readJsonSample('trove', 'backup-list-response.json')).backups;

function wire(id: string, parent_id: string | null = null, extra: Partial<WireBackup> = {}): WireBackup {
  return { id, name: id, created: '2024-05-01T10:00:00', status: 'COMPLETED', parent_id, instance_id: 'i1', ...extra };
}

describe('Trove normalisation', () => {
  it('turns the sample list into domain backups: GiB float to bytes, zone-less time as UTC, parent and dependents', () => {
    const [full, incremental] = toDomainBackups(sampleList, 'ep-trove');
    expect(full).toEqual({
      id: 'a9832168-7541-4536-b8d9-a8a9b79cf1b4',
      endpointId: 'ep-trove',
      state: 'available',
      statusText: 'COMPLETED',
      name: 'snapshot',
      sizeBytes: Math.round(0.14 * 1024 ** 3),
      sizeReported: '0.14 GiB',
      createdAt: '2014-10-30T12:30:00.000Z',
      source: '44b277eb-39be-4921-be31-3d61b43651d7',
      dependentIds: ['2e351a71-dd28-4bcb-a7d6-d36a5b487173'],
      details: {
        description: 'My Backup',
        locationRef: 'http://localhost/path/to/backup',
        storage_driver: 'cinder',
        updated: '2014-10-30T12:30:00.000Z',
        datastore: 'mysql',
        datastore_version: '5.5',
        datastore_version_id: 'b00000b0-00b0-0b00-00b0-000b000000bb',
        incremental: 'no',
      },
    });
    expect(incremental).toMatchObject({ parentId: full.id, dependentIds: [], details: { incremental: 'yes', storage_driver: 'swift' } });
  });

  it('reads a zone-less timestamp as UTC whatever the local zone', () => {
    const backup = toDomainBackup(wire('b', null, { created: '2019-12-23T22:38:42' }), 'ep');
    expect(backup.createdAt).toBe('2019-12-23T22:38:42.000Z');
  });

  it('leaves the size out while Trove has none, and keeps project_id and null fields as details', () => {
    const backup = toDomainBackup(wire('b', null, { status: 'NEW', size: null, locationRef: null, project_id: 'p1', name: null }), 'ep');
    expect(backup).not.toHaveProperty('sizeBytes');
    expect(backup).not.toHaveProperty('name');
    expect(backup.details).toMatchObject({ locationRef: null, project_id: 'p1' });
  });

  it('maps every Trove backup status', () => {
    const expected = { NEW: 'creating', BUILDING: 'creating', SAVING: 'creating', COMPLETED: 'available', RESTORED: 'available', FAILED: 'error', DELETE_FAILED: 'error', PAUSED: 'unknown' };
    for (const [status, state] of Object.entries(expected)) expect(backupStateOf(status)).toBe(state);
    expect(toDomainBackup(wire('b', null, { status: 'SAVING' }), 'ep')).toMatchObject({ state: 'creating', statusText: 'SAVING' });
  });

  it('gives each backup the whole subtree of incrementals that Trove would delete with it', () => {
    const list = [wire('full'), wire('inc1', 'full'), wire('inc2', 'inc1'), wire('inc3', 'inc2'), wire('side', 'full'), wire('other')];
    const dependents = dependentsById(list);
    expect(dependents.get('full')?.sort()).toEqual(['inc1', 'inc2', 'inc3', 'side']);
    expect(dependents.get('inc1')?.sort()).toEqual(['inc2', 'inc3']);
    expect(dependents.get('inc3')).toEqual([]);
    expect(dependents.get('other')).toEqual([]);
  });

  it('survives a parent loop in a malformed answer', () => {
    const dependents = dependentsById([wire('a', 'b'), wire('b', 'a')]);
    expect(dependents.get('a')).toEqual(['b']);
    expect(dependents.get('b')).toEqual(['a']);
  });

  it('sizes a restore volume to fit the backup: whole GiB, rounded up, at least 1', () => {
    expect(volumeSizeFor(0.14)).toBe(1);
    expect(volumeSizeFor(2)).toBe(2);
    expect(volumeSizeFor(2.01)).toBe(3);
    expect(volumeSizeFor(null)).toBe(1);
    // The backup size is the data size: a default volume needs head-room (x1.5, at least +1 GiB).
    expect(volumeSizeWithMargin(0.14)).toBe(2);
    expect(volumeSizeWithMargin(1.62)).toBe(3);
    expect(volumeSizeWithMargin(10)).toBe(15);
    expect(volumeSizeWithMargin(null)).toBe(2);
    expect(defaultRestoreVolumeSize(1.62, 10)).toBe(10);
    expect(defaultRestoreVolumeSize(1.62, undefined)).toBe(3);
  });
});
