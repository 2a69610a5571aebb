import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplianceSim } from './index';
import { closeSimWithClient, startSimWithClient, withSimAndClient } from './sim-with-client';
import { errorCode, type ApplianceTestClient } from './test-client';

describe('appliance control routes (/__sim, no auth, plain JSON)', () => {
  let sim: ApplianceSim;
  let client: ApplianceTestClient;
  beforeAll(async () => {
    ({ sim, client } = await startSimWithClient({ seededBackupBytes: 8 * 1024 }));
  });
  afterAll(() => closeSimWithClient({ sim, client }));

  it('reads the state with the identity and faults, merges faults, expires tokens and resets', async () => {
    await client.login();
    const state = (await client.call('GET', '/__sim/state', { token: null })).json as Record<string, unknown>;
    expect(state).toMatchObject({
      rebooting: false,
      factoryResets: 0,
      restores: 0,
      liveAccessTokens: 1,
      url: sim.url,
      fingerprint256: sim.fingerprint256,
      credentials: { username: 'admin', password: 'appliance-demo' },
      faults: { serverErrors: 0, strictContentType: true, restoreOutcome: 'completed' },
    });
    expect(state.backups).toHaveLength(1);
    expect(state.requests).toEqual([{ method: 'POST', path: '/api/mgmt.aaa/2.0/token', contentType: 'application/json', authorization: 'none', status: 201 }]);

    const merged = await client.call('POST', '/__sim/faults', { json: { unavailable: 2, slowLinkBytesPerSecond: 50_000, createFails: 'no space' } });
    expect([merged.status, merged.json]).toEqual([200, expect.objectContaining({ unavailable: 2, slowLinkBytesPerSecond: 50_000, createFails: 'no space' })]);
    expect(sim.faults).toMatchObject({ unavailable: 2, slowLinkBytesPerSecond: 50_000 });
    expect((await client.call('POST', '/__sim/faults', { json: { slowLinkBytesPerSecond: null } })).status).toBe(200);
    expect(sim.faults.slowLinkBytesPerSecond).toBeUndefined();
    const unknown = await client.call('POST', '/__sim/faults', { json: { explode: true } });
    expect(unknown.status).toBe(400);

    expect((await client.call('POST', '/__sim/expire-tokens')).status).toBe(200);
    expect(sim.state.liveAccessTokens).toBe(0);
    const before = sim.fingerprint256;
    const renewed = (await client.call('POST', '/__sim/regenerate-certificate')).json as { fingerprint256: string };
    expect(renewed.fingerprint256).not.toBe(before);
    expect(sim.fingerprint256).toBe(renewed.fingerprint256);

    // New connections get the new certificate, so the client trusts it from now on.
    await client.renewTrust();
    const reset = (await client.call('POST', '/__sim/reset')).json as { requests: unknown[] };
    expect(reset.requests).toEqual([]);
    expect(sim.faults).toEqual({ serverErrors: 0, unavailable: 0, restoreOutcome: 'completed', rebootRefuseMs: 20_000, rebootHangMs: 0, strictContentType: true });
    // reset() puts the start certificate back.
    expect(sim.fingerprint256).toBe(before);
    await client.renewTrust();
    expect((await client.call('GET', '/__sim/nothing')).status).toBe(404);
  });
});

describe('appliance close()', () => {
  it('drops keep-alive connections at once', async () => {
    await withSimAndClient({ seededBackupBytes: 8 * 1024 }, async ({ sim, client }) => {
      expect((await client.call('GET', '/api/common/1.0/ping')).status).toBe(200);
      const started = Date.now();
      await sim.close();
      expect(Date.now() - started).toBeLessThan(2_000);
      const after = await client.call('GET', '/api/common/1.0/ping').catch((error: unknown) => error);
      expect(errorCode(after)).toBe('ECONNREFUSED');
    });
  });
});
