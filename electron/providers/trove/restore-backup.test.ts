import { describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from '../../../e2e/sims/openstack/trove';
import { fastProvider, recordOperation, rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

const project = () => sim().credentials.member.projectId;
const instancePosts = () => sim().requests().filter((r) => r.method === 'POST' && r.path.endsWith('/instances'));

/** Polls `condition` every 5 ms; fails after `timeoutMs`. */
async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Trove provider: restore to a new instance (simulator)', () => {
  it('builds a new instance from the backup and follows it to ACTIVE', async () => {
    const backupId = seededBackupId(project(), 'snapshot');
    const run = recordOperation();
    const outcome = await fastProvider.restoreBackup(context(), backupId, run.op, { name: 'orders-restored', flavorRef: '2' });
    const [instanceId] = run.remoteRefs;
    expect(outcome).toEqual({
      state: 'succeeded',
      backupId,
      outcome: `Restored backup ${backupId} into the new instance "orders-restored" (${instanceId}), now ACTIVE. The original instance was not touched.`,
    });
    expect(sim().trove.instances(project()).find((i) => i.id === instanceId)).toMatchObject({ restoredFrom: backupId, volumeSizeGb: 5, datastore: { type: 'mysql', version: '5.7' } });
    expect(instancePosts()[0].body).toEqual({
      instance: { name: 'orders-restored', flavorRef: '2', volume: { size: 5 }, datastore: { type: 'mysql', version: '5.7' }, restorePoint: { backupRef: backupId } },
    });
    expect(run.stages.some((s) => /^BUILD: Trove is building the new instance "orders-restored" .+ \(\d+s\)$/.test(s))).toBe(true);
  });

  it('fails the job when the new instance ends in ERROR, and says it still uses quota', async () => {
    sim().trove.faults.restoreFails = 1;
    const run = recordOperation();
    const error = await rejectionOf(fastProvider.restoreBackup(context(), seededBackupId(project(), 'nightly'), run.op, { name: 'broken', flavorRef: '3' }));
    expect(error.code).toBe('server-error');
    expect(error.message).toContain(`Trove could not build the new instance "broken" (${run.remoteRefs[0]})`);
    expect(error.message).toContain('it is ERROR');
    expect(error.hint).toMatch(/quota/);
  });

  it('explains 409: a backup that has not completed cannot be restored', async () => {
    const ctx = context();
    const making = recordOperation();
    const create = fastProvider.createBackup(ctx, making.op, { instance: seededInstanceId(project(), 'orders'), name: 'in-progress' });
    await waitUntil(() => making.backupIds.length === 1, 'the backup exists');
    const error = await rejectionOf(fastProvider.restoreBackup(ctx, making.backupIds[0], recordOperation().op, { name: 'too-early', flavorRef: '2' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`Backup ${making.backupIds[0]} has not completed, so Trove cannot restore from it`);
    expect(error.hint).toMatch(/COMPLETED/);
    await create;

    const failed = await rejectionOf(fastProvider.restoreBackup(ctx, seededBackupId(project(), 'billingFailed'), recordOperation().op, { name: 'from-failed', flavorRef: '2' }));
    expect(failed.message).toContain('Actual state: FAILED');
  });

  it('explains a volume too small for the backup', async () => {
    const error = await rejectionOf(fastProvider.restoreBackup(context(), seededBackupId(project(), 'billingWeekly'), recordOperation().op, { name: 'small', flavorRef: '2', volume_size: 1 }));
    expect(error).toMatchObject({ code: 'validation' });
    expect(error.hint).toMatch(/volume size at least as large as the backup/);
  });

  it('defaults the volume to the source instance volume (10 GB), not the 1.62 GB of data the backup holds', async () => {
    const backupId = seededBackupId(project(), 'billingWeekly');
    await fastProvider.restoreBackup(context(), backupId, recordOperation().op, { name: 'weekly-copy', flavorRef: '2' });
    expect(instancePosts()[0].body).toMatchObject({ instance: { volume: { size: 10 }, datastore: { type: 'mysql', version: '8.0' } } });
  });

  it('signs in again when the token is revoked during a long build, and finishes', async () => {
    sim().config.timeScale = 0.3;
    let revoked = false;
    const run = recordOperation({
      onProgress: (update) => {
        if (!revoked && update.stage?.startsWith('BUILD:')) {
          revoked = true;
          sim().revokeTokens();
        }
      },
    });
    const outcome = await fastProvider.restoreBackup(context(), seededBackupId(project(), 'snapshot'), run.op, { name: 'long-build', flavorRef: '2' });
    expect(revoked).toBe(true);
    expect(outcome.state).toBe('succeeded');
    const requests = sim().requests();
    const firstRefused = requests.findIndex((r) => r.status === 401);
    expect(firstRefused).toBeGreaterThan(-1);
    const signIns = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/auth/tokens'));
    expect(signIns.length).toBe(2);
    expect(requests.slice(firstRefused).some((r) => r.method === 'POST' && r.path.endsWith('/auth/tokens'))).toBe(true);
  });
});
