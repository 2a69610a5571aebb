import { describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from '../../../e2e/sims/openstack/trove';
import { fastProvider, recordOperation, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

const project = () => sim().credentials.member.projectId;

/** Starts an operation, and "closes the app" once the remote reference is known: its promise is left to run out unobserved. */
async function startedRemoteRef(start: (op: ReturnType<typeof recordOperation>['op']) => Promise<unknown>): Promise<string> {
  const run = recordOperation();
  start(run.op).catch(() => undefined);
  while (run.remoteRefs.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  return run.remoteRefs[0];
}

describe('Trove provider: re-attach after a restart (simulator)', () => {
  it('follows a running backup to COMPLETED', async () => {
    const ctx = context();
    const backupId = await startedRemoteRef((op) => fastProvider.createBackup(ctx, op, { instance: seededInstanceId(project(), 'orders'), name: 'across-restart' }));
    const outcome = await fastProvider.resume(context(), { kind: 'create', backupId, remoteRef: backupId }, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId });
    expect(outcome?.outcome).toContain('"across-restart"');
  });

  it('follows a restore build through the instance id to ACTIVE', async () => {
    const ctx = context();
    const backupId = seededBackupId(project(), 'nightly');
    const instanceId = await startedRemoteRef((op) => fastProvider.restoreBackup(ctx, backupId, op, { name: 'after-restart', flavorRef: '2' }));
    const outcome = await fastProvider.resume(context(), { kind: 'restore', backupId, remoteRef: instanceId }, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId });
    expect(outcome?.outcome).toContain(`"after-restart" (${instanceId}), now ACTIVE`);
  });

  it('fails a re-attached create whose backup ended FAILED (an answer, not an outage)', async () => {
    const failed = seededBackupId(project(), 'billingFailed');
    await expect(fastProvider.resume(context(), { kind: 'create', backupId: failed, remoteRef: failed }, recordOperation().op)).rejects.toMatchObject({
      code: 'server-error',
      message: expect.stringContaining('FAILED'),
    });
  });

  it('cannot tell about a restore whose instance id was never recorded', async () => {
    expect(await fastProvider.resume(context(), { kind: 'restore', backupId: seededBackupId(project(), 'nightly') }, recordOperation().op)).toBeNull();
  });

  it('cannot tell about a create whose backup is gone from Trove', async () => {
    const gone = '00000000-0000-4000-8000-000000000000';
    expect(await fastProvider.resume(context(), { kind: 'create', backupId: gone, remoteRef: gone }, recordOperation().op)).toBeNull();
  });

  it('closes a delete whose backup is gone, and leaves one still listed as interrupted', async () => {
    const gone = '00000000-0000-4000-8000-000000000000';
    expect(await fastProvider.resume(context(), { kind: 'delete', backupId: gone }, recordOperation().op)).toEqual({ state: 'succeeded', outcome: `Backup ${gone} is gone from Trove.` });
    const stillThere = seededBackupId(project(), 'billingWeekly');
    expect(await fastProvider.resume(context(), { kind: 'delete', backupId: stillThere }, recordOperation().op)).toBeNull();
  });

  it('re-attaches once Trove answers again after an outage', async () => {
    // A backup that finished while the app was closed; Trove answers 500 three times first.
    const backupId = seededBackupId(project(), 'nightly');
    sim().trove.faults.fail5xx = 3;
    const outcome = await fastProvider.resume(context(), { kind: 'create', backupId, remoteRef: backupId }, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId });
    expect(sim().requests().filter((r) => r.status === 500 && r.path.endsWith(`/backups/${backupId}`))).toHaveLength(3);
  });

  it('gives up quietly (null, not failed) when Trove stays unreachable', async () => {
    const backupId = seededBackupId(project(), 'nightly');
    const ctx = context();
    await fastProvider.getBackup(ctx, backupId);
    sim().trove.faults.fail5xx = true;
    const run = recordOperation();
    const started = Date.now();
    expect(await fastProvider.resume(ctx, { kind: 'create', backupId, remoteRef: backupId }, run.op)).toBeNull();
    // It waited out the outage tolerance (1.5 s in the fast timings) before giving up, saying so meanwhile.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(run.stages).toContain('Waiting for Trove to answer again…');
  });
});
