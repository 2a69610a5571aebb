import { describe, expect, it } from 'vitest';
import { recordOperation, rejectionOf, useOpenStackSim, waitUntil } from '../openstack/test-support/harness';
import { parseRecordFile } from './backup-record';
import { fastCinder, projectOf, volumeNamed } from './test-support/fixtures';

const { sim, context } = useOpenStackSim();
const adminBackups = () => sim().cinder.backups(projectOf(sim(), 'admin'));

describe('Cinder provider: delete, export, import, resume', () => {
  it('deletes a backup and waits until Cinder answers 404', async () => {
    const backup = adminBackups().find((b) => b.status === 'available' && !adminBackups().some((o) => o.parentId === b.id))!;
    const run = recordOperation();
    expect(await fastCinder.deleteBackup(context('admin'), backup.id, run.op)).toEqual({ state: 'succeeded', outcome: `Cinder deleted backup ${backup.id}.`, backupId: backup.id });
    expect(adminBackups().some((b) => b.id === backup.id)).toBe(false);
    expect(sim().requests().some((r) => r.path.endsWith(`/backups/${backup.id}`) && r.status === 404)).toBe(true);
  });

  it('explains a 400 for a backup in the wrong status', async () => {
    const backup = adminBackups()[0]!;
    sim().cinder.setBackupStatus(backup.id, 'creating');
    const error = await rejectionOf(fastCinder.deleteBackup(context('admin'), backup.id, recordOperation().op));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining(`Cinder will not delete backup ${backup.id} in its current status`), hint: expect.stringMatching(/available or error/) });
  });

  it('explains a 400 for a backup with dependent incrementals', async () => {
    const volume = volumeNamed(sim(), 'scratch');
    const full = await fastCinder.createBackup(context('admin'), recordOperation().op, { volume_id: volume.id });
    await fastCinder.createBackup(context('admin'), recordOperation().op, { volume_id: volume.id, incremental: true });
    const error = await rejectionOf(fastCinder.deleteBackup(context('admin'), full.backupId!, recordOperation().op));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('incremental backups depend on it'), hint: expect.stringMatching(/Delete the incremental backups/) });
  });

  it('exports a record as admin and imports it back as a new backup', async () => {
    const backup = adminBackups().find((b) => b.status === 'available')!;
    const file = await fastCinder.exportRecord!(context('admin'), backup.id);
    expect(file.fileName).toBe(`cinder-backup-${backup.id}.json`);
    const record = JSON.parse(file.text) as { 'backup-record': { backup_service: string; backup_url: string } };
    expect(Object.keys(record['backup-record']).sort()).toEqual(['backup_service', 'backup_url']);
    await fastCinder.deleteBackup(context('admin'), backup.id, recordOperation().op);
    const run = recordOperation();
    const outcome = await fastCinder.importRecord!(context('admin'), file.text, run.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: run.backupIds[0] });
    expect(run.remoteRefs).toEqual([`import/${run.backupIds[0]}`]);
    expect(sim().requests().find((r) => r.path.endsWith('/backups/import_record'))?.status).toBe(201);
  });

  it('refuses export and import for a member (403)', async () => {
    const backup = sim().cinder.backups(projectOf(sim(), 'member'))[0]!;
    expect(await rejectionOf(fastCinder.exportRecord!(context('member'), backup.id))).toMatchObject({ code: 'forbidden', hint: expect.stringMatching(/admin/) });
    const text = JSON.stringify({ backup_service: 'cinder.backup.drivers.swift', backup_url: 'eyJzdGF0' });
    expect(await rejectionOf(fastCinder.importRecord!(context('member'), text, recordOperation().op))).toMatchObject({ code: 'forbidden' });
  });

  it('reads record files in both shapes and refuses anything else', () => {
    const record = { backup_service: 's', backup_url: 'u' };
    expect(parseRecordFile(JSON.stringify({ 'backup-record': record }))).toEqual(record);
    expect(parseRecordFile(JSON.stringify(record))).toEqual(record);
    expect(() => parseRecordFile('not json')).toThrow(/not JSON/);
    expect(() => parseRecordFile('{"backup":{}}')).toThrow(expect.objectContaining({ code: 'validation', message: expect.stringMatching(/needs "backup_service" and "backup_url"/) }));
  });

  it('re-attaches to a create after a restart, and gives up (null) when it cannot tell', async () => {
    sim().config.timeScale = 0.3;
    const first = recordOperation();
    const original = fastCinder.createBackup(context('admin'), first.op, { volume_id: volumeNamed(sim(), 'db-data').id });
    await waitUntil(() => first.remoteRefs.length > 0, 'the backup started');
    const resumed = await fastCinder.resume(context('admin'), { kind: 'create', remoteRef: first.remoteRefs[0] }, recordOperation().op);
    expect(resumed).toMatchObject({ state: 'succeeded', backupId: first.backupIds[0] });
    await original;
    const gone = await fastCinder.resume(context('admin'), { kind: 'create', remoteRef: 'create/00000000-0000-0000-0000-000000000000' }, recordOperation().op);
    expect(gone).toBeNull();
  });
});
