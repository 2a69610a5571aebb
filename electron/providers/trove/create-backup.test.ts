import { describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from '../../../e2e/sims/openstack/trove';
import { fastProvider, recordOperation, rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

const project = () => sim().credentials.member.projectId;
const orders = () => seededInstanceId(project(), 'orders');
const createBodies = () =>
  sim()
    .requests()
    .filter((r) => r.method === 'POST' && r.path.endsWith('/backups'))
    .map((r) => r.body as { backup: Record<string, unknown> });

describe('Trove provider: create (simulator)', () => {
  it('starts a backup, follows NEW/BUILDING/SAVING and ends COMPLETED', async () => {
    const run = recordOperation();
    const outcome = await fastProvider.createBackup(context(), run.op, { instance: orders(), name: 'before-upgrade', description: 'Taken by the test' });
    const [backupId] = run.backupIds;
    expect(run.remoteRefs).toEqual([backupId]);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId });
    expect(outcome.outcome).toMatch(new RegExp(`^Backup "before-upgrade" \\(${backupId}\\) of instance ${orders()} completed \\(\\d+(\\.\\d+)? GiB\\)\\.$`));
    expect(sim().trove.backups(project()).find((b) => b.id === backupId)?.status).toBe('COMPLETED');
    expect(createBodies()).toEqual([{ backup: { name: 'before-upgrade', instance: orders(), incremental: 0, description: 'Taken by the test' } }]);
    // Stage text names the status and the time; Trove gives no percentage.
    expect(run.stages.some((s) => /^(NEW|BUILDING|SAVING): .+ \(\d+s\)$/.test(s))).toBe(true);
    expect(run.progress.every((p) => p.fraction === undefined)).toBe(true);
  });

  it('sends incremental as the integer 1; Trove bases it on the latest completed backup', async () => {
    const run = recordOperation();
    const outcome = await fastProvider.createBackup(context(), run.op, { instance: orders(), name: 'incr-now', incremental: true });
    expect(createBodies()[0].backup.incremental).toBe(1);
    const made = sim().trove.backups(project()).find((b) => b.id === outcome.backupId);
    expect(made?.parent_id).toBe(seededBackupId(project(), 'nightlyIncr'));
    expect(outcome.outcome).toContain(`Incremental backup "incr-now" (${outcome.backupId}), based on ${made?.parent_id},`);
  });

  it('refuses bad options before sending anything', async () => {
    const error = await rejectionOf(fastProvider.createBackup(context(), recordOperation().op, { instance: orders(), name: '***' }));
    expect(error).toMatchObject({ code: 'validation', message: 'Backup options (name): The backup name must contain at least one letter or digit.' });
    expect(createBodies()).toEqual([]);
  });

  it('explains 422 when the instance is busy with another backup', async () => {
    const ctx = context();
    const first = recordOperation();
    const running = fastProvider.createBackup(ctx, first.op, { instance: orders(), name: 'first' });
    const error = await rejectionOf(fastProvider.createBackup(ctx, recordOperation().op, { instance: orders(), name: 'second' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`Trove cannot back up instance ${orders()} right now`);
    expect(error.message).toContain('status was BACKUP');
    expect(error.hint).toMatch(/Wait until the instance is ACTIVE/);
    expect((await running).state).toBe('succeeded');
  });

  it('explains 422 for an instance that is not ACTIVE', async () => {
    const legacy = seededInstanceId(project(), 'legacy');
    const error = await rejectionOf(fastProvider.createBackup(context(), recordOperation().op, { instance: legacy, name: 'rescue' }));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toContain('status was ERROR');
  });

  it('explains 501: no backup strategy for the datastore', async () => {
    sim().trove.faults.notImplemented = true;
    const error = await rejectionOf(fastProvider.createBackup(context(), recordOperation().op, { instance: orders(), name: 'x1' }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('no backup strategy');
    expect(error.message).toContain("not supported for the 'mysql' datastore");
  });

  it('fails the job when Trove reports the backup FAILED', async () => {
    sim().trove.faults.createFails = 1;
    const run = recordOperation();
    const error = await rejectionOf(fastProvider.createBackup(context(), run.op, { instance: orders(), name: 'doomed' }));
    expect(error).toMatchObject({ code: 'server-error' });
    expect(error.message).toContain(`Trove reports that backup "doomed" (${run.backupIds[0]})`);
    expect(error.message).toContain('FAILED');
  });

  it('rides out a few 500s while polling', async () => {
    let armed = false;
    const run = recordOperation({
      onProgress: () => {
        // Once the backup exists, the next two calls fail; the poll must retry rather than fail the job.
        if (run.backupIds.length === 1 && !armed) {
          armed = true;
          sim().trove.faults.fail5xx = 2;
        }
      },
    });
    const outcome = await fastProvider.createBackup(context(), run.op, { instance: orders(), name: 'flaky' });
    expect(outcome.state).toBe('succeeded');
    expect(sim().requests().filter((r) => r.status === 500 && r.method === 'GET' && r.path.includes('/backups/'))).toHaveLength(2);
  });
});
