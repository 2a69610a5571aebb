import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../common/until';
import { startJujuSim, type JujuSim } from './index';
import { connectRpc } from './test-rpc-client';

describe('Juju 2.8.10 restore', () => {
  let sim: JujuSim;
  beforeAll(async () => {
    sim = await startJujuSim({ port: 0, version: '2.8.10', timeScale: 0.01, seed: 5, archiveBytes: 10_000 });
    sim.faults.restoreDownMs = 400;
  });
  afterAll(() => sim.close());

  const adminClient = async () => {
    const client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    await client.login('admin', sim.credentials.admin.password);
    return client;
  };

  it('FinishRestore fails when no restore finished', async () => {
    const client = await adminClient();
    expect(await client.call('Backups', 2, 'FinishRestore')).toMatchObject({ error: 'Restore did not finish successfully' });
    expect(sim.state.restoreStatus).toBe('FAILED');
    client.close();
  });

  it('Restore drops every socket, refuses connections for restoreDownMs, then FinishRestore succeeds', async () => {
    const client = await adminClient();
    const bystander = await adminClient();
    const kept = (await client.call('Backups', 2, 'Create', { notes: 'before', 'keep-copy': true, 'no-download': true })).response as { id: string };
    expect(await client.call('Backups', 2, 'Restore', { 'backup-id': kept.id })).toMatchObject({ error: expect.stringContaining('RESTORING') });
    expect((await client.call('Backups', 2, 'PrepareRestore')).response).toEqual({});
    const restoring = client.call('Backups', 2, 'Restore', { 'backup-id': kept.id });
    await expect(restoring).rejects.toThrow(/socket closed/);
    await bystander.closed;
    expect(sim.state.apiServerDown).toBe(true);
    await expect(connectRpc(sim, '/api')).rejects.toThrow();
    const back = await until(async () => {
      try {
        return await adminClient();
      } catch {
        return undefined;
      }
    }, 'the API server to come back');
    expect(sim.state.restores).toEqual([{ backupId: kept.id, at: expect.any(String) }]);
    expect((await back.call('Backups', 2, 'FinishRestore')).response).toEqual({});
    expect(sim.state.restoreStatus).toBe('CHECKED');
    back.close();
  });
});
