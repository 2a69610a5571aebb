import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '..';
import { cinderClient, issueToken, until } from '../sim-test-client';

let sim: OpenStackSim;
let admin: ReturnType<typeof cinderClient>;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 3 });
  admin = cinderClient(sim, await issueToken(sim, 'admin'), sim.credentials.admin.projectId);
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const backupNamed = (name: string) => sim.cinder.backups().find((b) => b.name === name)!;
const volumeStatus = (id: string) => sim.cinder.volumes().find((v) => v.id === id)!.status;
const backupStatus = async (id: string) => ((await admin(`/backups/${id}`)).body.backup as { status: string; fail_reason: string | null });

describe('Cinder simulator: what the backup driver decides', () => {
  it('Ceph ignores a restore cancel: the restore writes to the end, volume and backup end available', async () => {
    const backup = backupNamed('db-data-full');
    sim.cinder.setBackupService(backup.id, 'cinder.backup.drivers.ceph.CephBackupDriver');
    const { volume_id } = (await admin(`/backups/${backup.id}/restore`, { method: 'POST', body: { restore: null } })).body.restore as { volume_id: string };
    expect((await admin(`/backups/${backup.id}/action`, { method: 'POST', body: { 'os-reset_status': { status: 'error' } } })).status).toBe(202);
    await until(async () => (volumeStatus(volume_id) !== 'restoring-backup' ? true : undefined), 'the restore to end');
    expect(volumeStatus(volume_id)).toBe('available');
    expect(await backupStatus(backup.id)).toMatchObject({ status: 'available' });
  });

  it('Ceph cannot force-delete (405), so a create cannot be cancelled', async () => {
    const backup = backupNamed('db-data-full');
    sim.cinder.setBackupService(backup.id, 'cinder.backup.drivers.ceph.CephBackupDriver');
    expect((await admin(`/backups/${backup.id}/action`, { method: 'POST', body: { 'os-force_delete': {} } })).status).toBe(405);
  });

  it('a failed delete ends error with a fail_reason (update_backup_error), not only error_deleting', async () => {
    sim.cinder.failDeletesWith = 'Swift container is gone';
    const backup = backupNamed('web-root-nightly');
    expect((await admin(`/backups/${backup.id}`, { method: 'DELETE' })).status).toBe(202);
    await until(async () => ((await backupStatus(backup.id)).status === 'deleting' ? undefined : true), 'the delete to end');
    expect(await backupStatus(backup.id)).toMatchObject({ status: 'error', fail_reason: 'Swift container is gone' });
  });
});
