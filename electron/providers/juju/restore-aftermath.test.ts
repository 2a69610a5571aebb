import { describe, expect, it } from 'vitest';
import { connectRpc } from '../../../e2e/sims/juju/test-rpc-client';
import { EndpointMemo } from '../../core/endpoint-memo';
import { createJujuProvider } from './provider';
import { recordOperation, rejectionOf, testProvider, useJujuSim } from './test-support/harness';

const fast = { pingIntervalMs: 1_000, elapsedTickMs: 20, reconnectStartMs: 25, reconnectMaxMs: 100 };

describe('what a Juju 2.8 restore leaves behind', () => {
  const juju = useJujuSim({ version: '2.8.10' });

  async function storedBackup(): Promise<string> {
    return (await testProvider.createBackup(juju.context(), recordOperation().op, { notes: 'before' })).backupId!;
  }

  it('waits for Restore as long as it works: the reconnect timeout does not cut it short', async () => {
    const id = await storedBackup();
    Object.assign(juju.sim().faults, { restoreWorkMs: 1_500, restoreDownMs: 200 });
    const provider = createJujuProvider({ ...fast, restoreTimeoutMs: 1_000 });
    const outcome = await provider.restoreBackup(juju.context(), id, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
    expect(juju.sim().state.restoreStatus).toBe('CHECKED');
  });

  it('keeps trying FinishRestore while the controller answers "juju restore is in progress"', async () => {
    const id = await storedBackup();
    Object.assign(juju.sim().faults, { restoreWorkMs: 400, restoreDownMs: 200 });
    const client = await connectRpc(juju.sim(), `/model/${juju.sim().controllerModelUuid}/api`);
    await client.login('admin', juju.sim().credentials.admin.password);
    await client.call('Backups', 2, 'PrepareRestore');
    void client.call('Backups', 2, 'Restore', { 'backup-id': id }).catch(() => undefined);
    await expect.poll(() => juju.sim().state.restoreStatus).toBe('RESTORING');
    // Re-attached (as after an app restart) while the controller still restores.
    const settings = { model_uuid: juju.sim().controllerModelUuid };
    const outcome = await testProvider.resume(juju.context('admin', { memo: new EndpointMemo(), settings }), { kind: 'restore', backupId: id, remoteRef: `restore/${id}` }, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
    const finishes = juju.sim().state.requests.filter((r) => r.call === 'Backups(2).FinishRestore').map((r) => r.outcome);
    expect(finishes).toContain('juju restore is in progress - API is disabled to prevent data loss');
    expect(finishes.at(-1)).toBe('ok');
    client.close();
  });

  it('ends "unknown" (interrupted), not failed, when the API server does not come back in time', async () => {
    const id = await storedBackup();
    Object.assign(juju.sim().faults, { restoreWorkMs: 50, restoreDownMs: 3_000 });
    const provider = createJujuProvider({ ...fast, restoreTimeoutMs: 400 });
    const outcome = await provider.restoreBackup(juju.context(), id, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'unknown', backupId: id, outcome: expect.stringContaining('cannot tell whether the restore finished') });
    expect(outcome.outcome).toContain('juju status -m controller');
    await expect.poll(() => juju.sim().state.apiServerDown, { timeout: 5_000 }).toBe(false);
  });

  it("says the restore most likely applied when the restored controller refuses today's password", async () => {
    const id = await storedBackup();
    juju.sim().setPassword('admin', 'changed-after-the-backup');
    const ctx = juju.context('admin', { secrets: { password: 'changed-after-the-backup' } });
    const outcome = await testProvider.restoreBackup(ctx, id, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'unknown', backupId: id, outcome: expect.stringContaining(`The restore of backup ${id} most likely applied`) });
    expect(outcome.outcome).toContain("password from the backup's time");
  });

  it('takes the controller out of restore mode when Restore answers an error', async () => {
    const id = await storedBackup();
    juju.sim().faults.restoreFails = 'restore failed: cannot find machine 0';
    const error = await rejectionOf(testProvider.restoreBackup(juju.context(), id, recordOperation().op));
    expect(error.message).toContain('restore failed: cannot find machine 0');
    expect(error.message).toContain('took the controller out of restore mode');
    expect(juju.sim().state.restoreStatus).toBe('FAILED');
    // Restore-pending mode would refuse List ("juju restore is in progress - functionality is limited …").
    expect((await testProvider.listBackups(juju.context())).map((b) => b.id)).toEqual([id]);
  });
});
