import { describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from '../../../e2e/sims/openstack/trove';
import { fastProvider, recordOperation, rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

const project = () => sim().credentials.member.projectId;
const listed = () => sim().trove.backups(project()).map((b) => b.id);

describe('Trove provider: delete (simulator)', () => {
  it('deletes a backup with its whole incremental subtree and waits until all are gone', async () => {
    const [snapshot, incr1, incr2] = ['snapshot', 'incr1', 'incr2'].map((k) => seededBackupId(project(), k));
    const run = recordOperation();
    const outcome = await fastProvider.deleteBackup(context(), snapshot, run.op);
    expect(outcome).toEqual({ state: 'succeeded', outcome: `Deleted backup ${snapshot} and the 2 incremental backups based on it (${incr1}, ${incr2}) from Trove.` });
    expect(listed()).not.toContain(snapshot);
    expect(listed()).not.toContain(incr1);
    expect(listed()).not.toContain(incr2);
    expect(listed()).toContain(seededBackupId(project(), 'nightly'));
    expect(run.backupIds).toEqual([snapshot]);
    expect(run.stages).toContain(`Deleting backup ${snapshot} and 2 incremental backups based on it`);
    expect(sim().requests().filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop())).toEqual([snapshot]);
  });

  describe('finds every incremental child although the list moves while it is paged', () => {
    /** 25 newer backups on orders-db push the snapshot chain to page 2; incr2 jumps to the front after page 1. */
    const setUp = () => {
      sim().trove.seedBackups(25, project(), { instanceId: seededInstanceId(project(), 'orders') });
      sim().trove.faults.touchAfterFirstPage = seededBackupId(project(), 'incr2');
    };
    const expected = () => `Deleted backup ${seededBackupId(project(), 'snapshot')} and the 2 incremental backups based on it (${seededBackupId(project(), 'incr1')}, ${seededBackupId(project(), 'incr2')}) from Trove.`;

    it('by asking for one large page', async () => {
      setUp();
      const outcome = await fastProvider.deleteBackup(context(), seededBackupId(project(), 'snapshot'), recordOperation().op);
      expect(outcome.outcome).toBe(expected());
      expect(sim().requests().some((r) => r.method === 'GET' && r.path.endsWith('/backups') && r.query.limit === '1000')).toBe(true);
    });

    it('by listing again when the server caps the page size', async () => {
      setUp();
      sim().trove.faults.pageSizeCap = 20;
      const outcome = await fastProvider.deleteBackup(context(), seededBackupId(project(), 'snapshot'), recordOperation().op);
      expect(outcome.outcome).toBe(expected());
      expect(sim().trove.faults.touchAfterFirstPage).toBeNull();
    });
  });

  it('deletes a backup without dependents', async () => {
    const weekly = seededBackupId(project(), 'billingWeekly');
    const outcome = await fastProvider.deleteBackup(context(), weekly, recordOperation().op);
    expect(outcome.outcome).toBe(`Deleted backup ${weekly} from Trove.`);
  });

  it('explains 422: Trove does not delete a running backup', async () => {
    const ctx = context();
    const making = recordOperation();
    const create = fastProvider.createBackup(ctx, making.op, { instance: seededInstanceId(project(), 'orders'), name: 'still-running' });
    while (making.backupIds.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const error = await rejectionOf(fastProvider.deleteBackup(ctx, making.backupIds[0], recordOperation().op));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(`Backup ${making.backupIds[0]} is still running, and Trove does not delete a running backup`);
    expect(error.message).toContain('cannot be deleted because it is running');
    expect(error.hint).toMatch(/COMPLETED or FAILED/);
    expect((await create).state).toBe('succeeded');
    expect(listed()).toContain(making.backupIds[0]);
  });

  it('reports a backup already gone as nothing to delete', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const outcome = await fastProvider.deleteBackup(context(), missing, recordOperation().op);
    expect(outcome).toEqual({ state: 'succeeded', outcome: `Trove no longer has backup ${missing}; there was nothing to delete.` });
    expect(sim().requests().some((r) => r.method === 'DELETE')).toBe(false);
  });
});
