import { describe, expect, it } from 'vitest';
import { jujuTime, NOT_SET, toDomainBackup } from './normalise';
import { backupsMetadataSchema } from './wire-schemas';

const v2 = {
  id: '20240101-120000.8f2a',
  checksum: 'pmxx7bCwtZVV+KM48YKz5w6Boc0=',
  'checksum-format': 'SHA-1, base64 encoded',
  size: 58605244,
  stored: '2024-01-01T12:00:18Z',
  started: '2024-01-01T12:00:00Z',
  finished: '2024-01-01T12:00:17Z',
  notes: 'nightly',
  model: '8f2a',
  machine: '0',
  hostname: 'juju-8f2a-0',
  version: '2.8.10',
  series: 'focal',
  'ca-cert': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  'ca-private-key': '-----BEGIN RSA PRIVATE KEY-----\nsecret\n-----END RSA PRIVATE KEY-----',
  filename: 'juju-backup-20240101-120000.tar.gz',
  'format-version': 1,
  'controller-uuid': '1c3d',
  'controller-machine-id': '0',
  'controller-machine-inst-id': 'juju-8f2a-0',
  'ha-nodes': 3,
};

describe('Juju backup metadata in the app', () => {
  it('treats Go\'s zero time as not set', () => {
    expect(jujuTime('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(jujuTime('')).toBeUndefined();
    expect(jujuTime('garbage')).toBeUndefined();
    expect(jujuTime('2024-01-01T12:00:00+02:00')).toBe('2024-01-01T10:00:00.000Z');
  });

  it('never carries the CA private key, nor the certificate itself', () => {
    const backup = toDomainBackup(backupsMetadataSchema.parse(v2), 'ep');
    expect(JSON.stringify(backup)).not.toMatch(/PRIVATE KEY|secret|BEGIN CERTIFICATE|ca-private-key/);
    expect(backup.details['ca-cert']).toBe('in the metadata (not shown)');
  });

  it('shows every other field', () => {
    expect(toDomainBackup(backupsMetadataSchema.parse(v2), 'ep')).toEqual({
      id: v2.id,
      endpointId: 'ep',
      state: 'available',
      statusText: 'stored',
      name: 'nightly',
      sizeBytes: 58605244,
      createdAt: '2024-01-01T12:00:00.000Z',
      version: '2.8.10',
      device: 'juju-8f2a-0',
      platform: 'focal',
      details: {
        checksum: v2.checksum,
        'checksum-format': 'SHA-1, base64 encoded',
        started: '2024-01-01T12:00:00.000Z',
        finished: '2024-01-01T12:00:17.000Z',
        stored: '2024-01-01T12:00:18.000Z',
        model: '8f2a',
        machine: '0',
        'controller-uuid': '1c3d',
        'controller-machine-id': '0',
        'controller-machine-inst-id': 'juju-8f2a-0',
        'ha-nodes': 3,
        filename: v2.filename,
        'format-version': 1,
        series: 'focal',
        'ca-cert': 'in the metadata (not shown)',
      },
    });
  });

  it('says where a 3.x backup is, with zero times as "not set" and the base as platform', () => {
    const { series: _series, 'ca-cert': _cert, 'ca-private-key': _key, ...rest } = v2;
    const v3 = { ...rest, stored: '0001-01-01T00:00:00Z', started: '0001-01-01T00:00:00Z', notes: '', base: 'ubuntu@22.04', version: { Major: 3, Minor: 6, Patch: 14, Tag: '', Build: 0 } };
    const backup = toDomainBackup(backupsMetadataSchema.parse(v3), 'ep', 'a note');
    expect(backup).toMatchObject({ statusText: 'on the controller', name: undefined, createdAt: undefined, platform: 'ubuntu@22.04', version: '3.6.14' });
    expect(backup.details).toMatchObject({ stored: NOT_SET, started: NOT_SET, base: 'ubuntu@22.04', note: 'a note' });
    expect(backup.details).not.toHaveProperty('ca-cert');
  });
});
