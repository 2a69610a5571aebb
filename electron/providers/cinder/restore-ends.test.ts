import { describe, expect, it } from 'vitest';
import { resetStatus } from '../../../e2e/sims/openstack/cinder/backup-operations';
import { recordOperation, rejectionOf, useOpenStackSim, waitUntil } from '../openstack/test-support/harness';
import { createCinderProvider } from './provider';
import { fastCinder, projectOf } from './test-support/fixtures';

const { sim, context } = useOpenStackSim();
const availableBackup = () => sim().cinder.backups(projectOf(sim(), 'admin')).find((b) => b.status === 'available' && b.size <= 20)!;
const asAdmin = () => ({ projectId: projectOf(sim(), 'admin'), userId: sim().credentials.admin.userId, isAdmin: true });
const ceph = 'cinder.backup.drivers.ceph.CephBackupDriver';

/** Starts a restore to a new volume named `name` and waits until Cinder took it. */
async function startRestore(name: string, provider = fastCinder) {
  const backup = availableBackup();
  const run = recordOperation();
  const pending = provider.restoreBackup(context('admin'), backup.id, run.op, { target: 'new', name });
  await waitUntil(() => run.remoteRefs.length > 0, 'the restore started');
  const volume = () => sim().cinder.volumes().find((v) => v.name === name)!;
  return { backup, run, pending, volume };
}

describe('Cinder provider: how a restore ends', () => {
  it('fails with the volume in error when someone else stopped the restore (it used to poll forever)', async () => {
    sim().config.timeScale = 1;
    const { backup, pending } = await startRestore('stopped-elsewhere');
    resetStatus(sim().cinder, asAdmin(), backup.id, 'error');
    expect(await rejectionOf(pending)).toMatchObject({ code: 'server-error', message: expect.stringMatching(/volume stopped-elsewhere \(.*\) is in error/) });
  });

  it('re-attaches to a restore whose volume was attached meanwhile (in-use): succeeded', async () => {
    const { backup, pending, run, volume } = await startRestore('attached-later');
    await pending;
    sim().cinder.touchVolume(sim().cinder.volumesById.get(volume().id), 'in-use');
    const resumed = await fastCinder.resume(context('admin'), { kind: 'restore', backupId: backup.id, remoteRef: run.remoteRefs[0] }, recordOperation().op);
    expect(resumed).toMatchObject({ state: 'succeeded', backupId: backup.id });
  });

  it('re-attaches to a restore whose volume is in another status: fails saying to check the volume', async () => {
    const { backup, pending, run, volume } = await startRestore('being-deleted');
    await pending;
    sim().cinder.touchVolume(sim().cinder.volumesById.get(volume().id), 'deleting');
    const error = await rejectionOf(fastCinder.resume(context('admin'), { kind: 'restore', backupId: backup.id, remoteRef: run.remoteRefs[0] }, recordOperation().op));
    expect(error).toMatchObject({ message: expect.stringMatching(/in status deleting/), hint: expect.stringMatching(/is deleting; check it before use/) });
  });
});

describe('Cinder provider: cancelling a restore', () => {
  it('on Ceph the restore writes to the end: succeeded, "completed before the cancel took effect" (it used to say cancelled)', async () => {
    sim().config.timeScale = 0.3;
    sim().cinder.setBackupService(availableBackup().id, ceph);
    const { run, pending, volume } = await startRestore('ceph-target');
    run.controller.abort();
    const outcome = await pending;
    expect(outcome).toMatchObject({ state: 'succeeded', outcome: expect.stringContaining('The restore completed before the cancel took effect') });
    expect(volume().status).toBe('available');
  });

  it('says it could not confirm the cancel when the volume stays restoring-backup past the deadline', async () => {
    sim().config.timeScale = 1;
    sim().cinder.setBackupService(availableBackup().id, ceph);
    const impatient = createCinderProvider({ pollStartMs: 20, pollMaxMs: 50, cancelConfirmMs: 200, outageToleranceMs: 2_000 });
    const { run, pending, volume } = await startRestore('slow-ceph', impatient);
    run.controller.abort();
    const error = await rejectionOf(pending);
    expect(error).toMatchObject({ message: expect.stringMatching(/^Could not confirm the cancel: .* still shows restoring-backup/), hint: expect.stringContaining(`Check volume slow-ceph (${volume().id})`) });
  });

  it('does not reset a backup whose restore already completed (re-read right before the reset)', async () => {
    const sleepy = createCinderProvider({ pollStartMs: 2_000, pollMaxMs: 2_000, cancelConfirmMs: 5_000, outageToleranceMs: 2_000 });
    const { backup, run, pending } = await startRestore('done-already', sleepy);
    await waitUntil(() => sim().cinder.backups().find((b) => b.id === backup.id)?.status === 'available', 'the restore finished');
    run.controller.abort();
    expect(await pending).toMatchObject({ state: 'succeeded', outcome: expect.stringContaining('had already finished before the cancel reached Cinder') });
    expect(sim().requests().some((r) => r.path.endsWith('/action'))).toBe(false);
  });
});
