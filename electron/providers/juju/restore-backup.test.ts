import { describe, expect, it } from 'vitest';
import { EndpointMemo } from '../../core/endpoint-memo';
import { recordOperation, rejectionOf, testProvider, useJujuSim } from './test-support/harness';

const stagesOf = (recorded: ReturnType<typeof recordOperation>) => [...new Set(recorded.progress.map((p) => p.stage?.replace(/ — .*$/, '')))];

describe('restoring a Juju 2.8 controller', () => {
  const juju = useJujuSim({ version: '2.8.10' });

  async function storedBackup(): Promise<string> {
    return (await testProvider.createBackup(juju.context(), recordOperation().op, { notes: 'before' })).backupId!;
  }

  it('runs PrepareRestore, Restore, waits out the restart, and ends with FinishRestore, each a visible stage', async () => {
    const id = await storedBackup();
    const recorded = recordOperation();
    const outcome = await testProvider.restoreBackup(juju.context(), id, recorded.op);
    expect(outcome.state).toBe('succeeded');
    expect(outcome.outcome).toContain(`Restored the controller from backup ${id}`);
    expect(stagesOf(recorded)).toEqual([
      'Signing in to the controller',
      `Stage 1 of 4: checking backup ${id} and preparing the controller (PrepareRestore)`,
      `Stage 2 of 4: restoring backup ${id} (Restore); the API server restarts, so the connection drops`,
      "Stage 3 of 4: waiting for the controller's API server to restart",
      'Stage 4 of 4: finishing the restore (FinishRestore)',
    ]);
    expect(recorded.remoteRefs).toEqual([`restore/${id}`]);
    const calls = juju.sim().state.requests.filter((r) => r.call.startsWith('Backups(2).') && r.call !== 'Backups(2).Create');
    expect(calls.map((r) => [r.call, r.outcome])).toEqual([
      ['Backups(2).Info', 'ok'],
      ['Backups(2).PrepareRestore', 'ok'],
      ['Backups(2).Restore', null],
      ['Backups(2).FinishRestore', 'ok'],
    ]);
    expect(juju.sim().state.restoreStatus).toBe('CHECKED');
    // More than one reconnect attempt: the first ones met the restarting API server.
    expect(juju.sim().state.requests.filter((r) => r.call === 'Admin(3).Login').length).toBeGreaterThan(1);
  });

  it('fails with FinishRestore\'s message when the restore did not finish', async () => {
    const id = await storedBackup();
    const recorded = recordOperation();
    const memo = new EndpointMemo();
    const ctx = juju.context('admin', { memo });
    // The controller is not in RESTORED state when FinishRestore is called: a resume with nothing restored.
    const error = await rejectionOf(testProvider.resume(ctx, { kind: 'restore', backupId: id, remoteRef: `restore/${id}` }, recorded.op));
    expect(error).toMatchObject({ code: 'server-error', message: 'The controller could not finish the restore: Restore did not finish successfully.' });
  });

  it('re-attaches after a restart to a restore in progress: reconnects, then FinishRestore', async () => {
    const id = await storedBackup();
    const first = recordOperation();
    const running = testProvider.restoreBackup(juju.context(), id, first.op);
    await expect.poll(() => juju.sim().state.apiServerDown, { timeout: 5_000, interval: 10 }).toBe(true);
    first.controller.abort();
    expect(await rejectionOf(running)).toMatchObject({ code: 'cancelled' });
    // The app "restarts": a fresh memo and context resume from the persisted remote reference.
    const resumed = recordOperation();
    const outcome = await testProvider.resume(juju.context('admin', { memo: new EndpointMemo() }), { kind: 'restore', backupId: id, remoteRef: first.remoteRefs[0] }, resumed.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
    expect(resumed.progress.some((p) => p.stage?.startsWith("Stage 3 of 4: waiting for the controller's API server to restart"))).toBe(true);
    expect(juju.sim().state.restoreStatus).toBe('CHECKED');
  });

  it('refuses to restore an unknown backup before touching the controller', async () => {
    const error = await rejectionOf(testProvider.restoreBackup(juju.context(), 'nope', recordOperation().op));
    expect(error).toMatchObject({ code: 'not-found' });
    expect(juju.sim().state.requests.some((r) => r.call.endsWith('PrepareRestore'))).toBe(false);
  });
});

describe('restoring a Juju 3.6 controller', () => {
  const juju = useJujuSim({ version: '3.6.14' });

  it('is refused with the out-of-band way, and the capability says why', async () => {
    const ctx = juju.context();
    const error = await rejectionOf(testProvider.restoreBackup(ctx, 'x', recordOperation().op));
    expect(error).toMatchObject({ code: 'unsupported', message: 'Juju 3.6.14 cannot restore over its API.', hint: expect.stringContaining('./juju-restore <file>') });
    expect(testProvider.capabilities(ctx.endpoint, ctx.memo).restore).toEqual({
      enabled: false,
      reason: expect.stringMatching(/^Juju 3\.x restores are done out of band with juju-restore on the controller machine/),
    });
    expect(juju.sim().state.requests.some((r) => r.call.includes('Restore'))).toBe(false);
  });

  it('cannot tell how a create ended after a restart', async () => {
    expect(await testProvider.resume(juju.context(), { kind: 'create', remoteRef: 'create' }, recordOperation().op)).toBeNull();
  });
});
