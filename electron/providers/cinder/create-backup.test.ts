import { describe, expect, it } from 'vitest';
import { recordOperation, rejectionOf, useOpenStackSim, waitUntil } from '../openstack/test-support/harness';
import { cancelledCreateOutcome } from './outcomes';
import { cinderRequests, fastCinder, volumeNamed } from './test-support/fixtures';

const { sim, context } = useOpenStackSim();
const posts = () => cinderRequests(sim()).filter((r) => r.method === 'POST' && r.path.endsWith('/backups'));

describe('Cinder provider: create', () => {
  it('backs a volume up and follows it to available, with stage text and no fraction', async () => {
    const volume = volumeNamed(sim(), 'db-data');
    const run = recordOperation();
    const outcome = await fastCinder.createBackup(context('admin'), run.op, { volume_id: volume.id, name: 'nightly', metadata: { team: 'db' } });
    const id = run.backupIds[0]!;
    expect(outcome).toEqual({ state: 'succeeded', backupId: id, outcome: `Backup ${id} of volume ${volume.id} is available in Cinder.` });
    expect(run.remoteRefs).toEqual([`create/${id}`]);
    expect(sim().cinder.backups().find((b) => b.id === id)).toMatchObject({ status: 'available', name: 'nightly', metadata: { team: 'db' } });
    expect(run.progress.some((p) => p.stage?.startsWith(`Cinder is backing up volume ${volume.id}: status creating`))).toBe(true);
    expect(run.maxFraction()).toBe(0);
    expect(posts()[0]).toMatchObject({ status: 202, apiVersion: 'volume 3.71', body: { backup: { volume_id: volume.id, name: 'nightly', metadata: { team: 'db' } } } });
  });

  it('refuses metadata on a server below 3.43 before sending anything', async () => {
    sim().config.cinderMaxMicroversion = '3.40';
    const run = recordOperation();
    const error = await rejectionOf(fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id, metadata: { a: 'b' } }));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringContaining('API 3.40, which cannot store backup metadata (that needs 3.43)') });
    expect(posts()).toHaveLength(0);
  });

  it('sends only fields the older microversion accepts', async () => {
    sim().config.cinderMaxMicroversion = '3.40';
    const run = recordOperation();
    const outcome = await fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'scratch').id, description: 'old api' });
    expect(outcome.state).toBe('succeeded');
    expect(posts()[0]).toMatchObject({ status: 202, apiVersion: 'volume 3.40' });
  });

  it('fails with the fail_reason when Cinder ends the backup in error', async () => {
    sim().faults.cinderCreateFails = 'Swift container unreachable';
    const run = recordOperation();
    const error = await rejectionOf(fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id }));
    expect(error).toMatchObject({ code: 'server-error', message: `Cinder reported that backup ${run.backupIds[0]} failed: Swift container unreachable.` });
  });

  it('explains refusals: volume status (400), quota (413), missing volume option', async () => {
    const broken = await rejectionOf(fastCinder.createBackup(context('admin'), recordOperation().op, { volume_id: volumeNamed(sim(), 'broken').id }));
    expect(broken).toMatchObject({ code: 'conflict', message: expect.stringMatching(/HTTP 400 while starting the backup: Invalid volume: .*current status is "error"/) });
    sim().faults.quotaExceeded = true;
    const quota = await rejectionOf(fastCinder.createBackup(context('admin'), recordOperation().op, { volume_id: volumeNamed(sim(), 'db-data').id }));
    expect(quota).toMatchObject({ code: 'conflict', message: expect.stringContaining('HTTP 413 (quota exceeded)'), hint: expect.stringMatching(/quota/) });
    const missing = await rejectionOf(fastCinder.createBackup(context('admin'), recordOperation().op, {}));
    expect(missing).toMatchObject({ code: 'validation', message: expect.stringContaining('(volume_id)') });
  });

  it('cancels as admin: force-deletes the partial backup and reports it only once Cinder says it is gone', async () => {
    sim().config.timeScale = 1;
    const run = recordOperation();
    const pending = fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id });
    await waitUntil(() => run.backupIds.length > 0, 'the backup id is known');
    run.controller.abort();
    expect(await pending).toEqual({ state: 'cancelled', outcome: cancelledCreateOutcome });
    expect(sim().cinder.backups().some((b) => b.id === run.backupIds[0])).toBe(false);
    const log = cinderRequests(sim());
    const forceDelete = log.findIndex((r) => r.path.endsWith(`/backups/${run.backupIds[0]}/action`) && r.status === 202);
    expect(forceDelete).toBeGreaterThan(-1);
    expect(log.slice(forceDelete + 1).some((r) => r.path.endsWith(`/backups/${run.backupIds[0]}`) && r.status === 404)).toBe(true);
  });

  it('cancel: reads the status and force-deletes back to back (no sign-in between), and says what a last-moment finish means', async () => {
    sim().config.timeScale = 1;
    sim().config.tokenTtlSeconds = 2;
    const run = recordOperation();
    const pending = fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id });
    await waitUntil(() => run.backupIds.length > 0, 'the backup id is known');
    // Short-lived tokens: sign-ins are frequent, none may fall between the read and the force-delete.
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    run.controller.abort();
    const outcome = await pending;
    expect(outcome.outcome).toContain('If the backup finished at that very moment, the finished backup was deleted too.');
    const log = sim().requests();
    const forceDelete = log.findIndex((r) => r.path.endsWith('/action'));
    expect(log[forceDelete - 1]).toMatchObject({ method: 'GET', path: expect.stringMatching(new RegExp(`/backups/${run.backupIds[0]}$`)) });
    expect(log.slice(forceDelete - 1, forceDelete + 1).map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('keeps following when the backup driver cannot cancel (405), and says so at the end', async () => {
    sim().config.timeScale = 0.3;
    sim().faults.forceDeleteUnsupported = true;
    const run = recordOperation();
    const pending = fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id });
    await waitUntil(() => run.backupIds.length > 0, 'the backup id is known');
    run.controller.abort();
    const outcome = await pending;
    expect(outcome.state).toBe('succeeded');
    expect(outcome.outcome).toMatch(/backup driver cannot stop a running backup\), so the backup ran to the end/);
  });

  it('a member cannot cancel (403): the backup runs to the end', async () => {
    sim().config.timeScale = 0.3;
    const run = recordOperation();
    const pending = fastCinder.createBackup(context('member'), run.op, { volume_id: volumeNamed(sim(), 'demo-data').id });
    await waitUntil(() => run.backupIds.length > 0, 'the backup id is known');
    run.controller.abort();
    const outcome = await pending;
    expect(outcome.outcome).toMatch(/only cloud admins may force-delete a backup\), so the backup ran to the end/);
    expect(cinderRequests(sim()).some((r) => r.path.endsWith('/action') && r.status === 403)).toBe(true);
  });
});
