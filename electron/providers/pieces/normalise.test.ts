import { describe, expect, it } from 'vitest';
import { parseWire } from '../../core/http/http-client';
import { toDomainBackup } from './normalise';
import { parseRemoteRef, remoteRefFor } from './settings';
import { backupsStreamedProgressSchema, backupStatusSchema, isEndStatus } from './wire-schemas';

// The BackupStatus sample from reference/api-facts.md §5.3 (constructed from the schema).
const sample = {
  backup: {
    id: '1.2.3_1700000000',
    bytes: 52428800,
    created: { value: '2024-01-01T12:00:00.000Z', readable: '1 minute ago' },
    device_name: 'my-laptop',
    platform: 'LINUX',
    timestamp: '1700000000',
    version: '1.2.3',
  },
  value: 'IN-PROGRESS',
  percentage: 42.5,
};

describe('Pieces wire schemas and normalisation', () => {
  it('parses the documented BackupStatus sample and normalises its Backup', () => {
    const status = parseWire(backupStatusSchema, sample, 'http://x/status');
    expect(status.value).toBe('IN-PROGRESS');
    expect(toDomainBackup(status.backup, 'ep1')).toEqual({
      id: '1.2.3_1700000000',
      endpointId: 'ep1',
      state: 'available',
      statusText: 'In Pieces cloud',
      sizeBytes: 52428800,
      createdAt: '2024-01-01T12:00:00.000Z',
      version: '1.2.3',
      device: 'my-laptop',
      platform: 'LINUX',
      details: { timestamp: '1700000000', created_readable: '1 minute ago' },
    });
  });

  it('keeps unknown extra fields (so a Backup can be sent back verbatim) and tolerates unknown statuses', () => {
    const status = parseWire(backupStatusSchema, { ...sample, value: 'PAUSED', future: 1, backup: { ...sample.backup, region: 'eu' } }, 'u');
    expect(status.backup).toHaveProperty('region', 'eu');
    expect(isEndStatus(status.value)).toBe(false);
  });

  it('rejects a Backup that lacks a required wire field, naming it', () => {
    const { device_name: _dropped, ...withoutDevice } = sample.backup;
    expect(() => parseWire(backupStatusSchema, { ...sample, backup: withoutDevice }, 'http://x')).toThrow(/backup\.device_name/);
  });

  it('reads the streamed progress `status` key, not `value`', () => {
    const frame = backupsStreamedProgressSchema.parse({ backups: [{ backup: sample.backup, status: 'COMPLETED', percentage: 100 }] });
    expect(frame.backups?.[0].status).toBe('COMPLETED');
    expect(isEndStatus('CANCELED')).toBe(true);
    expect(isEndStatus('CANCELLED')).toBe(false);
  });

  it('round-trips the remote reference', () => {
    expect(parseRemoteRef(remoteRefFor('restoration', '11.2.0_1700000000'))).toEqual({ phase: 'restoration', backupId: '11.2.0_1700000000' });
    expect(parseRemoteRef('garbage')).toBeUndefined();
  });
});
