import { describe, expect, it } from 'vitest';
import { backupState, toDomainBackup, toVolumeResource } from './normalise';
import { parseRemoteRef, remoteRefFor } from './timing';

describe('Cinder normalisation', () => {
  it.each([
    ['creating', 'creating'],
    ['available', 'available'],
    ['restoring', 'restoring'],
    ['deleting', 'deleting'],
    ['error', 'error'],
    ['error_deleting', 'error'],
    ['deleted', 'unknown'],
    ['backing-up', 'unknown'],
  ])('maps status %s to %s', (status, state) => {
    expect(backupState(status)).toBe(state);
  });

  it('keeps the raw status, GiB size as reported and UTC time', () => {
    const backup = toDomainBackup({ id: 'b', status: 'error_deleting', size: 2, name: null, volume_id: 'v', created_at: '2023-06-23T11:56:02.509831', fail_reason: 'disk full', metadata: { a: 'b' } }, 'ep');
    expect(backup).toMatchObject({ id: 'b', endpointId: 'ep', state: 'error', statusText: 'error_deleting', sizeBytes: 2 * 2 ** 30, sizeReported: '2 GiB', source: 'v', createdAt: '2023-06-23T11:56:02.509Z' });
    expect(backup.name).toBeUndefined();
    expect(backup.parentId).toBeUndefined();
    expect(backup.details).toEqual({ fail_reason: 'disk full', metadata: '{"a":"b"}' });
  });

  it('maps a volume to a resource', () => {
    const resource = toVolumeResource({ id: 'v', status: 'in-use', size: 10, name: 'web', bootable: 'true', volume_type: 'lvm', availability_zone: 'nova', attachments: [{ server_id: 's1' }] });
    expect(resource).toEqual({
      id: 'v',
      name: 'web',
      status: 'in-use',
      sizeBytes: 10 * 2 ** 30,
      sizeReported: '10 GiB',
      details: { availability_zone: 'nova', bootable: true, volume_type: 'lvm', attached_to: 's1', created_at: null },
    });
  });

  it('round-trips remote references', () => {
    for (const ref of [{ op: 'create', backupId: 'b' }, { op: 'restore', backupId: 'b', volumeId: 'v' }, { op: 'delete', backupId: 'b' }, { op: 'import', backupId: 'b' }] as const) {
      expect(parseRemoteRef(remoteRefFor(ref))).toEqual(ref);
    }
    expect(parseRemoteRef('restore/b')).toBeUndefined();
    expect(parseRemoteRef('creation/b')).toBeUndefined();
  });
});
