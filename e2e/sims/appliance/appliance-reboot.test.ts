import { Agent, request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../common/until';
import type { ApplianceSim, WireBackup, WireRestoreStatus } from './index';
import { applianceCertName } from './pki';
import { closeSimWithClient, startSimWithClient } from './sim-with-client';
import { errorCode, errorId, type ApplianceTestClient } from './test-client';

describe('appliance restore and factory reset reboot the box', () => {
  let sim: ApplianceSim;
  let client: ApplianceTestClient;

  /** Resolves once the box answers HTTPS again (after the refuse and hang phases). */
  const serving = () =>
    until(
      async () => {
        if (sim.state.rebooting) return undefined;
        return (await client.call('GET', '/api/common/1.0/info').catch(() => undefined))?.status === 200 ? true : undefined;
      },
      'the appliance to serve again',
      10_000,
    );

  beforeAll(async () => {
    // timeScale 0.3: the restore works 300 ms before the reboot; the refuse phase is set per test.
    ({ sim, client } = await startSimWithClient({ timeScale: 0.3, seed: 5, seededBackups: 2, seededBackupBytes: 16 * 1024 }));
  });
  beforeEach(async () => {
    sim.reset();
    await client.renewTrust();
    sim.faults.rebootRefuseMs = 500;
    await client.login('2.0', sim.credentials, true);
  });
  afterAll(() => closeSimWithClient({ sim, client }));

  it('restore: 202 started, mutations 503 until the reboot, connections refused, tokens dead, then completed with a newer time', async () => {
    const refresh = (await client.login('2.0', sim.credentials, true)).json as { refresh_token: string };
    const oldToken = client.token;
    const backups = await client.list();
    const startedAt = Math.floor(Date.now() / 1000);
    const accepted = await client.api('POST', `/backups/items/${backups[0].id}/restore`);
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({ last_restore_time: 0, status: 'started', status_message: expect.any(String) });
    const busy = await client.api('POST', '/backups', { json: { description: 'while restoring' } });
    expect([busy.status, errorId(busy.json)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect((await client.api('GET', '/restore_status')).json).toMatchObject({ status: 'started' });

    await until(async () => (sim.state.rebooting ? true : undefined), 'the reboot to start');
    const refused = await client.call('GET', '/api/common/1.0/info').catch((error: unknown) => error);
    expect(errorCode(refused)).toBe('ECONNREFUSED');
    expect(sim.state.liveAccessTokens).toBe(0);

    await serving();
    const stale = await client.api('GET', '/backups', { token: oldToken });
    expect([stale.status, errorId(stale.json)]).toEqual([401, 'AUTH_INVALID_TOKEN']);
    const staleRefresh = await client.call('POST', '/api/mgmt.aaa/2.0/token', { token: null, json: { refresh_token: refresh.refresh_token } });
    expect(staleRefresh.status).toBe(401);
    expect((await client.login()).status).toBe(201);
    const status = (await client.api('GET', '/restore_status')).json as WireRestoreStatus;
    expect(status).toEqual({ last_restore_time: expect.any(Number), status: 'completed', status_message: '' });
    expect(status.last_restore_time).toBeGreaterThanOrEqual(startedAt);
    expect((await client.list()).map((b) => b.id)).toEqual(backups.map((b) => b.id));
    expect(sim.state).toMatchObject({ restores: 1, factoryResets: 0, rebooting: false, rebootPhase: 'none' });
  });

  it('rebootHangMs: after the refuse phase requests are accepted but never answered; restoreOutcome shapes the status', async () => {
    Object.assign(sim.faults, { rebootRefuseMs: 100, rebootHangMs: 1_200, restoreOutcome: 'completed_with_errors' });
    const [first] = await client.list();
    expect((await client.api('POST', `/backups/items/${first.id}/restore`)).status).toBe(202);
    await until(async () => (sim.state.rebootPhase === 'hanging' ? true : undefined), 'the hang phase');
    const impatient = new Agent({ connect: { ca: sim.certPem, servername: applianceCertName }, headersTimeout: 150 });
    try {
      const hung = await request(`${sim.url}/api/common/1.0/info`, { dispatcher: impatient }).catch((error: unknown) => error);
      expect(errorCode(hung)).toBe('UND_ERR_HEADERS_TIMEOUT');
      const control = await request(`${sim.url}/__sim/state`, { dispatcher: impatient });
      expect(((await control.body.json()) as { rebootPhase: string }).rebootPhase).toBe('hanging');
    } finally {
      await impatient.destroy();
    }
    await serving();
    await client.login();
    expect((await client.api('GET', '/restore_status')).json).toMatchObject({ status: 'completed_with_errors', status_message: expect.stringMatching(/errors/) });
  });

  it('refuses to restore a backup that is not completed, or an unknown one', async () => {
    await client.api('DELETE', `/backups/items/${(await client.list())[0].id}`);
    const started = (await client.api('POST', '/backups', { json: { description: 'fresh' } })).json as WireBackup;
    const early = await client.api('POST', `/backups/items/${started.id}/restore`);
    expect([early.status, errorId(early.json)]).toEqual([400, 'BACKUP_NOT_READY']);
    expect((await client.api('POST', '/backups/items/404/restore')).status).toBe(404);
    expect(sim.state.rebootPhase).toBe('none');
  });

  it('factory reset: wiped, admin/admin, a new certificate, restore_status not_run; reset() brings the demo box back', async () => {
    const oldFingerprint = sim.fingerprint256;
    const oldPem = sim.certPem;
    const accepted = await client.api('POST', '/backups/reset_factory');
    expect([accepted.status, (accepted.json as WireRestoreStatus).status]).toEqual([202, 'started']);
    await until(async () => (sim.state.rebooting ? true : undefined), 'the reboot to start');
    await until(async () => (sim.state.rebootPhase === 'none' ? true : undefined), 'the box to come back', 10_000);

    expect(sim.fingerprint256).not.toBe(oldFingerprint);
    const oldTrust = await client.call('GET', '/api/common/1.0/info').catch((error: unknown) => error);
    expect(errorCode(oldTrust)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    await client.renewTrust();
    expect((await client.login('2.0', { username: 'admin', password: 'appliance-demo' })).status).toBe(401);
    expect(sim.credentials).toEqual({ username: 'admin', password: 'admin' });
    expect((await client.login('2.0', { username: 'admin', password: 'admin' })).status).toBe(201);
    expect(await client.list()).toEqual([]);
    expect((await client.api('GET', '/restore_status')).json).toEqual({ last_restore_time: 0, status: 'not_run', status_message: '' });
    expect(sim.state.factoryResets).toBe(1);

    sim.reset();
    expect(sim.certPem).toBe(oldPem);
    expect(sim.credentials.password).toBe('appliance-demo');
    expect(sim.state.backups).toHaveLength(2);
  });

  it('a backup downloaded before a factory reset uploads and restores onto the wiped box, bringing the demo login back', async () => {
    const [kept] = await client.list();
    const file = await client.download(kept.id);
    expect(file.body.length).toBe(kept.size);
    sim.faults.rebootRefuseMs = 100;
    await client.api('POST', '/backups/reset_factory');
    await until(async () => (sim.state.factoryResets === 1 ? true : undefined), 'the factory reset', 10_000);
    await client.renewTrust();
    expect((await client.login('2.0', { username: 'admin', password: 'admin' })).status).toBe(201);
    const uploaded = (await client.api('POST', '/backups/upload', { body: file.body, contentType: 'application/octet-stream' })).json as WireBackup;
    expect(uploaded).toMatchObject({ status: 'uploading', size: kept.size, serial: kept.serial, backup_time: kept.backup_time });
    await until(async () => ((await client.list())[0]?.status === 'completed' ? true : undefined), 'the upload to settle');
    expect((await client.api('POST', `/backups/items/${uploaded.id}/restore`)).status).toBe(202);
    await until(async () => (sim.state.restores === 1 ? true : undefined), 'the restore', 10_000);
    expect((await client.login('2.0', { username: 'admin', password: 'admin' })).status).toBe(401);
    expect((await client.login('2.0', { username: 'admin', password: 'appliance-demo' })).status).toBe(201);
    expect((await client.api('GET', '/restore_status')).json).toMatchObject({ status: 'completed' });
  });
});
