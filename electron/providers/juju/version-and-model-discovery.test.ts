import { describe, expect, it } from 'vitest';
import { recordOperation, testProvider, useJujuSim } from './test-support/harness';

describe('a Juju 3.6 controller reached with stale or partial settings', () => {
  const juju = useJujuSim({ version: '3.6.14' });

  it('logs in again with the controller\'s own version when the imported agent-version is from before an upgrade', async () => {
    // Imported from `juju show-controller` while the controller still ran 2.9.
    const settings = { model_uuid: juju.sim().controllerModelUuid, agent_version: '2.9.30' };
    const outcome = await testProvider.createBackup(juju.context('admin', { settings }), recordOperation().op, { notes: 'after upgrade' });
    expect(outcome.state).toBe('succeeded');
    const logins = juju.sim().state.requests.filter((r) => r.call === 'Admin(3).Login').map((r) => (r.params as Record<string, unknown>)['client-version']);
    expect(logins).toEqual(['2.9.30', '3.6.14']);
    expect(juju.sim().state.requests.find((r) => r.call.endsWith('.Create'))?.outcome).toBe('ok');
  });

  it('finds the controller model for a superuser never given access to it (Controller.AllModels)', async () => {
    const ctx = juju.context('superuserWithoutModelAccess');
    const result = await testProvider.testConnection(ctx);
    expect(result.ok).toBe(true);
    const calls = juju.sim().state.requests.map((r) => r.call);
    expect(calls).toContain('Controller(12).AllModels');
    expect(calls.some((c) => c.startsWith('Backups(3).') || c === 'Admin(3).Login')).toBe(true);
    const outcome = await testProvider.createBackup(ctx, recordOperation().op, {});
    expect(outcome.state).toBe('succeeded');
  });

  it('falls back to ModelManager.ListModels for a user who may not call AllModels', async () => {
    const result = await testProvider.testConnection(juju.context('nonSuperuser'));
    // bob is found the controller model through ListModels, then refused Backups as before.
    expect(result.message).toContain('backups need a controller superuser');
    const calls = juju.sim().state.requests.map((r) => [r.call, r.outcome]);
    expect(calls).toContainEqual(['Controller(12).AllModels', 'unauthorized access']);
    expect(calls.some(([call]) => String(call).endsWith('.ListModels'))).toBe(true);
  });
});
