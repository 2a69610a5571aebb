import { describe, expect, it } from 'vitest';
import { parseOptions } from '../parse-options';
import { readJsonSample } from '../openstack/test-support/samples';
import { createRequestBody } from './create-backup';
import { createBackupOptionsSchema, restoreBackupOptionsSchema } from './options';
import { backupCreateRequestSchema, instanceCreateRequestSchema } from './request-schemas';
import { restoreRequestBody } from './restore-backup';
import { backupEnvelopeSchema } from './wire-schemas';

const instance = '44b277eb-39be-4921-be31-3d61b43651d7';
const createOptions = (raw: unknown) => parseOptions(createBackupOptionsSchema, raw, 'Backup options');
const restoreOptions = (raw: unknown) => parseOptions(restoreBackupOptionsSchema, raw, 'Restore options');
const completed = backupEnvelopeSchema.parse(readJsonSample('trove', 'backup-get-response.json')).backup;

describe('Trove create options', () => {
  it('sends incremental as the integer 1 and leaves empty fields out', () => {
    const body = createRequestBody(createOptions({ instance, name: ' nightly ', incremental: true, description: '', parent_id: null, swift_container: '' }));
    expect(body).toEqual({ backup: { name: 'nightly', instance, incremental: 1 } });
    expect(backupCreateRequestSchema.parse(body)).toEqual(body);
  });

  it('sends a full backup as incremental 0, with the optional fields given', () => {
    const parent = 'a9832168-7541-4536-b8d9-a8a9b79cf1b4';
    const body = createRequestBody(createOptions({ instance, name: 'n1', description: 'Before the upgrade', parent_id: parent, swift_container: 'db_backups' }));
    expect(body.backup).toEqual({ name: 'n1', instance, incremental: 0, description: 'Before the upgrade', parent_id: parent, swift_container: 'db_backups' });
  });

  it('says what is wrong before anything is sent', () => {
    expect(() => createOptions({ name: 'n' })).toThrow('Backup options (instance): Pick the database instance to back up.');
    expect(() => createOptions({ instance: 'db-1', name: 'n' })).toThrow(/instance.*must be an ID/);
    expect(() => createOptions({ instance, name: '' })).toThrow('Backup options (name): Give the backup a name.');
    expect(() => createOptions({ instance, name: '---' })).toThrow('The backup name must contain at least one letter or digit');
    expect(() => createOptions({ instance, name: 'x'.repeat(256) })).toThrow('at most 255 characters');
    expect(() => createOptions({ instance, name: 'n', incremental: 'yes' })).toThrow('Incremental must be true or false');
    expect(() => createOptions({ instance, name: 'n', instance_id: instance })).toThrow(/Unrecognized key/);
  });
});

describe('Trove restore options', () => {
  it("fills the volume size (backup size with a margin, no source instance) and datastore from the backup and points restorePoint at it", () => {
    const body = restoreRequestBody(restoreOptions({ name: 'restored', flavorRef: 2 }), completed);
    expect(body).toEqual({
      instance: { name: 'restored', flavorRef: '2', volume: { size: 2 }, datastore: { type: 'mysql', version: '5.5' }, restorePoint: { backupRef: completed.id } },
    });
    expect(instanceCreateRequestSchema.parse(body)).toEqual(body);
  });

  it('defaults the volume to the source instance volume when it still exists', () => {
    expect(restoreRequestBody(restoreOptions({ name: 'r', flavorRef: 2 }), { ...completed, size: 0.42 }, 5).instance.volume).toEqual({ size: 5 });
    // Never below what the backup needs, even when the source volume reads smaller.
    expect(restoreRequestBody(restoreOptions({ name: 'r', flavorRef: 2 }), { ...completed, size: 6.2 }, 5).instance.volume).toEqual({ size: 7 });
  });

  it('uses what the user chose, and drops the backup version when the datastore differs', () => {
    const network = 'a5330d7d-0e8c-48b4-9f6c-0f2c4ab1b854';
    const body = restoreRequestBody(restoreOptions({ name: 'r', flavorRef: 'm1.small-id', volume_size: '5', datastore: 'mariadb', network_id: network }), completed);
    expect(body.instance).toMatchObject({ flavorRef: 'm1.small-id', volume: { size: 5 }, datastore: { type: 'mariadb' }, nics: [{ 'net-id': network }] });
    expect(body.instance.datastore).not.toHaveProperty('version');
  });

  it('says what is wrong before anything is sent', () => {
    expect(() => restoreOptions({ flavorRef: '1' })).toThrow('Restore options (name): Give the new instance a name.');
    expect(() => restoreOptions({ name: 'r' })).toThrow('Restore options (flavorRef): Pick a flavor for the new instance.');
    expect(() => restoreOptions({ name: 'r', flavorRef: '1', volume_size: 0 })).toThrow('at least 1 GB');
    expect(() => restoreOptions({ name: 'r', flavorRef: '1', volume_size: 1.5 })).toThrow('whole number of GB');
  });
});
