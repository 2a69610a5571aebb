import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '.';
import { cinderClient, issueToken, until } from './sim-test-client';

let sim: OpenStackSim;
let admin: ReturnType<typeof cinderClient>;
let member: ReturnType<typeof cinderClient>;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 3 });
  admin = cinderClient(sim, await issueToken(sim, 'admin'), sim.credentials.admin.projectId);
  member = cinderClient(sim, await issueToken(sim, 'member'), sim.credentials.member.projectId);
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

type Backup = { id: string; status: string; fail_reason: string | null; name: string | null; size: number };
const volumeNamed = (name: string) => sim.cinder.volumes().find((v) => v.name === name)!;
const backupNamed = (name: string) => sim.cinder.backups().find((b) => b.name === name)!;

async function statusesUntilSettled(client: typeof member, id: string): Promise<string[]> {
  const seen: string[] = [];
  await until(async () => {
    const res = await client(`/backups/${id}`);
    const status = res.status === 404 ? 'gone' : (res.body.backup as Backup).status;
    if (seen.at(-1) !== status) seen.push(status);
    return ['creating', 'restoring', 'deleting'].includes(status) ? undefined : true;
  }, `backup ${id} to settle`);
  return seen;
}

describe('Cinder backups: create', () => {
  it('answers 202 {backup:{id,links,name}}, moves creating → available and puts the volume backing-up meanwhile', async () => {
    const volume = volumeNamed('demo-data');
    const res = await member('/backups', { method: 'POST', body: { backup: { volume_id: volume.id, name: 'mine', description: null, container: null, incremental: false, force: false } } });
    expect(res.status).toBe(202);
    const created = res.body.backup as Backup;
    expect(Object.keys(created).sort()).toEqual(['id', 'links', 'name']);
    expect(sim.cinder.volumes().find((v) => v.id === volume.id)!.status).toBe('backing-up');
    expect(await statusesUntilSettled(member, created.id)).toEqual(['creating', 'available']);
    expect(sim.cinder.volumes().find((v) => v.id === volume.id)!.status).toBe('available');
    const shown = (await member(`/backups/${created.id}`)).body.backup as Backup;
    expect(shown).toMatchObject({ name: 'mine', size: volume.size, fail_reason: null });
    expect(res.headers.get('x-openstack-request-id')).toMatch(/^req-/);
  });

  it('needs force for an in-use volume and refuses an error volume, an unknown volume or snapshot', async () => {
    const inUse = volumeNamed('demo-app').id;
    expect((await member('/backups', { method: 'POST', body: { backup: { volume_id: inUse } } })).body).toEqual({
      badRequest: { code: 400, message: 'Invalid volume: Backing up an in-use volume must use the force flag.' },
    });
    expect((await member('/backups', { method: 'POST', body: { backup: { volume_id: inUse, force: true } } })).status).toBe(202);
    const error = await member('/backups', { method: 'POST', body: { backup: { volume_id: volumeNamed('demo-error').id } } });
    expect(error.body).toEqual({ badRequest: { code: 400, message: expect.stringContaining('must be available or in-use') } });
    const unknown = await member('/backups', { method: 'POST', body: { backup: { volume_id: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b' } } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ itemNotFound: { code: 404, message: 'Volume 0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b could not be found.' } });
    const otherProject = await member('/backups', { method: 'POST', body: { backup: { volume_id: volumeNamed('db-data').id } } });
    expect(otherProject.status).toBe(404);
    const snapshot = await admin('/backups', { method: 'POST', body: { backup: { volume_id: volumeNamed('db-data').id, snapshot_id: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b' } } });
    expect(snapshot.status).toBe(404);
  });

  it('makes an incremental only on top of an available full backup of the same volume', async () => {
    const small = volumeNamed('demo-small').id;
    const refused = await member('/backups', { method: 'POST', body: { backup: { volume_id: small, incremental: true } } });
    expect(refused.body).toEqual({ badRequest: { code: 400, message: 'Invalid backup: No backups available to do an incremental backup.' } });
    const full = (await member('/backups', { method: 'POST', body: { backup: { volume_id: small } } })).body.backup as Backup;
    await statusesUntilSettled(member, full.id);
    const incremental = (await member('/backups', { method: 'POST', body: { backup: { volume_id: small, incremental: true } } })).body.backup as Backup;
    await statusesUntilSettled(member, incremental.id);
    expect((await member(`/backups/${incremental.id}`)).body.backup).toMatchObject({ is_incremental: true });
    expect((await member(`/backups/${full.id}`)).body.backup).toMatchObject({ has_dependent_backups: true });
  });

  it('cinderCreateFails: the backup ends error with that fail_reason; quotaExceeded: 413 overLimit', async () => {
    sim.faults.cinderCreateFails = 'Swift is on fire';
    const id = ((await member('/backups', { method: 'POST', body: { backup: { volume_id: volumeNamed('demo-data').id } } })).body.backup as Backup).id;
    expect(await statusesUntilSettled(member, id)).toEqual(['creating', 'error']);
    expect((await member(`/backups/${id}`)).body.backup).toMatchObject({ status: 'error', fail_reason: 'Swift is on fire' });
    sim.faults.quotaExceeded = true;
    const over = await member('/backups', { method: 'POST', body: { backup: { volume_id: volumeNamed('demo-small').id } } });
    expect(over.status).toBe(413);
    expect(over.body).toEqual({ overLimit: { code: 413, message: expect.any(String) } });
  });
});

describe('Cinder backups: restore', () => {
  it('restores into a new volume named restore_backup_<id> with {"restore": null}', async () => {
    const backup = backupNamed('demo-data-weekly');
    const res = await member(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: null } });
    expect(res.status).toBe(202);
    const restore = res.body.restore as { backup_id: string; volume_id: string; volume_name: string };
    expect(restore).toMatchObject({ backup_id: backup.id, volume_name: `restore_backup_${backup.id}` });
    expect(sim.cinder.volumes().find((v) => v.id === restore.volume_id)!.status).toBe('restoring-backup');
    expect(await statusesUntilSettled(member, backup.id)).toEqual(['restoring', 'available']);
    expect((await member(`/volumes/${restore.volume_id}`)).body.volume).toMatchObject({ status: 'available', size: backup.size });
  });

  it('restores into an existing available volume at least as large; refuses smaller or busy targets', async () => {
    const backup = backupNamed('db-data-full');
    const tooSmall = await admin(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: { volume_id: volumeNamed('scratch').id } } });
    expect(tooSmall.body).toEqual({ badRequest: { code: 400, message: 'Invalid volume: volume size 5 is too small to restore backup of size 20.' } });
    const busy = await admin(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: { volume_id: volumeNamed('web-root').id } } });
    expect(busy.body).toEqual({ badRequest: { code: 400, message: 'Invalid volume: Volume to be restored to must be available' } });
    const target = volumeNamed('restore-target');
    const ok = await admin(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: { volume_id: target.id, name: 'ignored' } } });
    expect(ok.body.restore).toEqual({ backup_id: backup.id, volume_id: target.id, volume_name: 'restore-target' });
    const again = await admin(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: null } });
    expect(again.body).toEqual({ badRequest: { code: 400, message: 'Invalid backup: Backup status must be available' } });
  });

  it('cinderRestoreFails: the target ends error_restoring and the backup goes back to available', async () => {
    sim.faults.cinderRestoreFails = true;
    const backup = backupNamed('demo-data-weekly');
    const { volume_id } = (await member(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: null } })).body.restore as { volume_id: string };
    expect(await statusesUntilSettled(member, backup.id)).toEqual(['restoring', 'available']);
    expect(sim.cinder.volumes().find((v) => v.id === volume_id)!.status).toBe('error_restoring');
  });

  it('cancels a restore by resetting the backup to error (admin): at the next chunk the target goes error and the backup available (manager.py)', async () => {
    const backup = backupNamed('db-data-full');
    const { volume_id } = (await admin(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: null } })).body.restore as { volume_id: string };
    const reset = await admin(`/backups/${backup.id}/action`, { method: 'POST', body: { 'os-reset_status': { status: 'error' } } });
    expect(reset.status).toBe(202);
    expect((await admin(`/backups/${backup.id}`)).body.backup).toMatchObject({ status: 'error' });
    expect(sim.cinder.volumes().find((v) => v.id === volume_id)!.status).toBe('restoring-backup');
    await until(async () => (sim.cinder.volumes().find((v) => v.id === volume_id)!.status === 'error' ? true : undefined), 'the restore to stop');
    expect((await admin(`/backups/${backup.id}`)).body.backup).toMatchObject({ status: 'available' });
    const member403 = await member(`/backups/${backupNamed('demo-data-weekly').id}/action`, { method: 'POST', body: { 'os-reset_status': { status: 'error' } } });
    expect(member403.body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow volume_extension:backup_admin_actions:reset_status to be performed." } });
  });
});

describe('Cinder backups: delete, force delete, export and import', () => {
  it('deletes an available backup: 202, deleting, then 404 itemNotFound', async () => {
    const backup = backupNamed('demo-app-daily');
    const res = await member(`/backups/${backup.id}`, { method: 'DELETE' });
    expect(res.status).toBe(202);
    expect(await statusesUntilSettled(member, backup.id)).toEqual(['deleting', 'gone']);
    expect((await member(`/backups/${backup.id}`)).body).toEqual({ itemNotFound: { code: 404, message: `Backup ${backup.id} could not be found.` } });
  });

  it('refuses to delete a backup with incrementals, or one that is not available/error', async () => {
    const full = backupNamed('db-data-full');
    expect((await admin(`/backups/${full.id}`, { method: 'DELETE' })).body).toEqual({ badRequest: { code: 400, message: 'Invalid backup: Incremental backups exist for this backup.' } });
    const creating = ((await admin('/backups', { method: 'POST', body: { backup: { volume_id: volumeNamed('restore-target').id } } })).body.backup as Backup).id;
    expect((await admin(`/backups/${creating}`, { method: 'DELETE' })).body).toEqual({ badRequest: { code: 400, message: 'Invalid backup: Backup status must be available or error' } });
    const errored = backupNamed('scratch-failed');
    expect((await admin(`/backups/${errored.id}`, { method: 'DELETE' })).status).toBe(202);
  });

  it('cancels a running create with os-force_delete (admin): the backup is gone at once, the volume stays backing-up a while', async () => {
    const volume = volumeNamed('restore-target');
    const id = ((await admin('/backups', { method: 'POST', body: { backup: { volume_id: volume.id } } })).body.backup as Backup).id;
    const member403 = await member(`/backups/${backupNamed('demo-data-weekly').id}/action`, { method: 'POST', body: { 'os-force_delete': {} } });
    expect(member403.body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow volume_extension:backup_admin_actions:force_delete to be performed." } });
    expect((await admin(`/backups/${id}/action`, { method: 'POST', body: { 'os-force_delete': {} } })).status).toBe(202);
    expect((await admin(`/backups/${id}`)).status).toBe(404);
    expect(sim.cinder.volumes().find((v) => v.id === volume.id)!.status).toBe('backing-up');
    await until(async () => (sim.cinder.volumes().find((v) => v.id === volume.id)!.status === 'available' ? true : undefined), 'the volume to be released');
  });

  it('forceDeleteUnsupported: 405 badMethod; an unknown action: 400', async () => {
    sim.faults.forceDeleteUnsupported = true;
    const id = backupNamed('web-root-nightly').id;
    expect((await admin(`/backups/${id}/action`, { method: 'POST', body: { 'os-force_delete': {} } })).body).toEqual({ badMethod: { code: 405, message: 'Operation not supported: force delete.' } });
    expect((await admin(`/backups/${id}/action`, { method: 'POST', body: { 'os-frobnicate': {} } })).body).toEqual({ badRequest: { code: 400, message: 'There is no such action: os-frobnicate' } });
  });

  it('exports a record (admin only) whose backup_url is base64 JSON, and imports it back under the same id after a delete', async () => {
    const backup = backupNamed('web-root-nightly');
    const denied = await member(`/backups/${backupNamed('demo-data-weekly').id}/export_record`);
    expect(denied.body).toEqual({ forbidden: { code: 403, message: "Policy doesn't allow backup:backup-export to be performed." } });
    const exported = await admin(`/backups/${backup.id}/export_record`);
    expect(exported.status).toBe(200);
    const record = exported.body['backup-record'] as { backup_service: string; backup_url: string };
    expect(record.backup_service).toBe('cinder.backup.drivers.swift');
    expect(JSON.parse(Buffer.from(record.backup_url, 'base64').toString('utf8'))).toMatchObject({ id: backup.id, display_name: 'web-root-nightly', size: backup.size });

    expect((await admin('/backups/import_record', { method: 'POST', body: { 'backup-record': record } })).body).toEqual({
      badRequest: { code: 400, message: 'Invalid backup: Backup already exists in database.' },
    });
    await admin(`/backups/${backup.id}`, { method: 'DELETE' });
    await statusesUntilSettled(admin, backup.id);
    const imported = await admin('/backups/import_record', { method: 'POST', body: { 'backup-record': record } });
    expect(imported.status).toBe(201);
    expect(imported.body.backup).toMatchObject({ id: backup.id, name: null });
    expect(await statusesUntilSettled(admin, backup.id)).toEqual(['creating', 'available']);
    expect((await admin(`/backups/${backup.id}`)).body.backup).toMatchObject({ name: 'web-root-nightly' });
    const malformed = await admin('/backups/import_record', { method: 'POST', body: { 'backup-record': { backup_service: record.backup_service, backup_url: 'bm90IGpzb24=' } } });
    expect(malformed.body).toEqual({ badRequest: { code: 400, message: "Invalid backup: Can't parse backup record." } });
    expect((await member('/backups/import_record', { method: 'POST', body: { 'backup-record': record } })).status).toBe(403);
  });

  it('refuses to export a backup that is not available', async () => {
    const id = backupNamed('scratch-failed').id;
    expect((await admin(`/backups/${id}/export_record`)).body).toEqual({ badRequest: { code: 400, message: 'Invalid backup: Backup status must be available and not error.' } });
  });
});

describe('Cinder: volumes, path checks and shared faults', () => {
  it('lists volumes with status, size and bootable as a string; members see only their project', async () => {
    const res = await member('/volumes/detail');
    const volumes = res.body.volumes as Array<Record<string, unknown>>;
    expect(volumes.map((v) => v.name).sort()).toEqual(['demo-app', 'demo-data', 'demo-error', 'demo-small']);
    expect(new Set(volumes.map((v) => v.status))).toEqual(new Set(['available', 'in-use', 'error']));
    expect(volumes.every((v) => v.bootable === 'true' || v.bootable === 'false')).toBe(true);
    expect(volumes[0]).not.toHaveProperty('os-vol-tenant-attr:tenant_id');
    expect(((await admin('/volumes/detail?all_tenants=1')).body.volumes as unknown[]).length).toBe(sim.cinder.volumes().length);
  });

  it('answers 400 "Malformed request url" when the path project is not the token project', async () => {
    const res = await member('/backups', { projectId: sim.credentials.admin.projectId });
    expect(res.body).toEqual({ badRequest: { code: 400, message: 'Malformed request url' } });
  });

  it('fail5xx: 500 computeFault on Cinder, Keystone unaffected; dropConnections destroys the socket', async () => {
    sim.faults.fail5xx = 1;
    const failed = await member('/backups');
    expect(failed.body).toEqual({ computeFault: { code: 500, message: expect.any(String) } });
    expect((await member('/backups')).status).toBe(200);
    sim.faults.dropConnections = 1;
    await expect(member('/backups')).rejects.toThrow();
    expect(sim.requests().at(-1)).toMatchObject({ status: 'dropped' });
  });

  it('logs requests with query, microversion header, token presence and a redacted body', async () => {
    await issueToken(sim, 'member');
    await member('/backups?limit=1', { version: '3.45' });
    const log = sim.requests();
    expect(log[0]).toMatchObject({ method: 'POST', path: '/identity/v3/auth/tokens', status: 201, hadToken: false });
    expect(JSON.stringify(log[0].body)).toContain('"password":"***"');
    expect(log[1]).toMatchObject({ method: 'GET', query: { limit: '1' }, apiVersion: 'volume 3.45', hadToken: true, status: 200 });
  });
});
