import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../common/until';
import type { ApplianceSim } from './index';
import { closeSimWithClient, startSimWithClient, withSimAndClient } from './sim-with-client';
import { errorCode, errorId, type ApplianceTestClient } from './test-client';

describe('appliance TLS, discovery and mgmt.aaa tokens', () => {
  let sim: ApplianceSim;
  let client: ApplianceTestClient;
  beforeAll(async () => {
    ({ sim, client } = await startSimWithClient({ seededBackupBytes: 16 * 1024 }));
  });
  afterEach(() => {
    sim.reset();
    client.token = null;
  });
  afterAll(() => closeSimWithClient({ sim, client }));

  it('serves a self-signed certificate named only appliance.sim.local, so the plain name check on 127.0.0.1 fails', async () => {
    expect(sim.url).toBe(`https://127.0.0.1:${sim.port}`);
    expect(sim.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const cert = new X509Certificate(sim.certPem);
    expect(cert.fingerprint256).toBe(sim.fingerprint256);
    expect(cert.subjectAltName).toBe('DNS:appliance.sim.local');
    expect(cert.checkIssued(cert) && cert.verify(cert.publicKey)).toBe(true);
    const byIp = new Agent({ connect: { ca: sim.certPem } });
    try {
      const error = await request(`${sim.url}/api/common/1.0/info`, { dispatcher: byIp }).catch((e: unknown) => e);
      expect(errorCode(error)).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    } finally {
      await byIp.destroy();
    }
  });

  it('regenerateCertificate() retires pooled connections: later requests meet the new certificate', async () => {
    const oldFingerprint = sim.fingerprint256;
    expect((await client.call('GET', '/api/common/1.0/ping')).status).toBe(200);
    sim.regenerateCertificate();
    expect(sim.fingerprint256).not.toBe(oldFingerprint);
    // The pooled connection is closed by the server; the old trust then fails on the new certificate.
    const code = await until(async () => {
      const outcome = await client.call('GET', '/api/common/1.0/ping').catch((error: unknown) => errorCode(error));
      return typeof outcome === 'string' && /SELF_SIGNED|CERT/.test(outcome) ? outcome : undefined;
    }, 'the new certificate to be refused by the old trust');
    expect(code).toMatch(/SELF_SIGNED|CERT/);
    await client.renewTrust();
    expect((await client.call('GET', '/api/common/1.0/ping')).status).toBe(200);
    sim.reset();
    await client.renewTrust();
    expect(sim.fingerprint256).toBe(oldFingerprint);
  });

  it('answers info and services without a token', async () => {
    const info = await client.call('GET', '/api/common/1.0/info');
    expect(info.status).toBe(200);
    expect(info.json).toEqual({
      device_name: 'appresponse-sim',
      model: 'SCAN-AR-VE',
      sw_version: '11.13.0',
      serial: expect.stringMatching(/^VE[A-Z0-9]{10}$/),
      hw_version: '',
      mgmt_addresses: ['127.0.0.1'],
    });
    const services = (await client.call('GET', '/api/common/1.0/services')).json as Array<{ id: string; versions: string[] }>;
    expect(services).toContainEqual({ id: 'npm.backup', versions: ['1.0'] });
    expect(services).toContainEqual({ id: 'mgmt.aaa', versions: ['1.0', '2.0'] });
  });

  it('grants 201 tokens: 2.0 with an epoch expires_at, 1.0 with the bare lifetime', async () => {
    const before = Math.floor(Date.now() / 1000);
    const v2 = await client.login('2.0', sim.credentials, true);
    expect(v2.status).toBe(201);
    expect(Object.keys(v2.json as object).sort()).toEqual(['access_token', 'expires_at', 'refresh_token', 'token_type']);
    const body2 = v2.json as { access_token: string; expires_at: number; token_type: string };
    expect(body2.token_type).toBe('bearer');
    expect(body2.expires_at).toBeGreaterThanOrEqual(before + 899);
    expect(body2.expires_at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 900);
    expect((await client.api('GET', '/backups')).status).toBe(200);

    const v1 = await client.login('1.0');
    expect(v1.status).toBe(201);
    expect(v1.json).toEqual({ access_token: expect.any(String), expires_at: 900, token_type: 'bearer' });
    expect((await client.api('GET', '/backups')).status).toBe(200);
    expect(sim.state.liveAccessTokens).toBe(2);
  });

  it('echoes state, refuses bad credentials (401) and malformed bodies (400)', async () => {
    const withState = await client.call('POST', '/api/mgmt.aaa/2.0/token', { json: { user_credentials: sim.credentials, state: 'xyz' } });
    expect(withState.json).toMatchObject({ state: 'xyz' });
    const wrong = await client.call('POST', '/api/mgmt.aaa/2.0/token', { json: { user_credentials: { username: 'admin', password: 'nope' } } });
    expect([wrong.status, wrong.json]).toEqual([401, { error_id: 'AUTH_INVALID_CREDENTIALS', error_text: expect.any(String) }]);
    const broken = await client.call('POST', '/api/mgmt.aaa/2.0/token', { body: '{"user_credentials":', contentType: 'application/json' });
    expect([broken.status, errorId(broken.json)]).toEqual([400, 'INVALID_REQUEST']);
    const neither = await client.call('POST', '/api/mgmt.aaa/2.0/token', { json: { generate_refresh_token: true } });
    expect(neither.status).toBe(400);
  });

  it('answers 415 to application/json; charset=utf-8 unless strictContentType is off', async () => {
    const json = { user_credentials: sim.credentials };
    const charset = await client.call('POST', '/api/mgmt.aaa/2.0/token', { json, contentType: 'application/json; charset=utf-8' });
    expect([charset.status, errorId(charset.json)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    sim.faults.strictContentType = false;
    expect((await client.call('POST', '/api/mgmt.aaa/2.0/token', { json, contentType: 'application/json; charset=utf-8' })).status).toBe(201);
    expect((await client.call('POST', '/api/mgmt.aaa/2.0/token', { json, contentType: 'text/plain' })).status).toBe(415);
  });

  it('needs "Bearer <token>" on npm.backup: missing, lowercase or unknown tokens get 401', async () => {
    await client.login();
    const none = await client.api('GET', '/backups', { token: null });
    expect([none.status, errorId(none.json)]).toEqual([401, 'AUTH_REQUIRED']);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const lower = await client.api('GET', '/backups', { authorization: `bearer ${client.token}` });
    expect([lower.status, errorId(lower.json)]).toEqual([401, 'AUTH_REQUIRED']);
    const unknown = await client.api('GET', '/backups', { token: 'not-a-token' });
    expect([unknown.status, errorId(unknown.json)]).toEqual([401, 'AUTH_INVALID_TOKEN']);
    expect(sim.state.requests.slice(-3).map((r) => r.authorization)).toEqual(['none', 'other', 'bearer']);
  });

  it('expireTokens(): access tokens get 401 expired, the refresh token still mints a new one (200 expires_in)', async () => {
    const login = await client.login('2.0', sim.credentials, true);
    const refreshToken = (login.json as { refresh_token: string }).refresh_token;
    sim.expireTokens();
    const expired = await client.api('GET', '/backups');
    expect([expired.status, errorId(expired.json)]).toEqual([401, 'AUTH_EXPIRED_TOKEN']);
    expect(sim.state.liveAccessTokens).toBe(0);
    const refreshed = await client.call('POST', '/api/mgmt.aaa/2.0/token', { token: null, json: { refresh_token: refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toEqual({ access_token: expect.any(String), expires_in: 900, token_type: 'bearer' });
    client.token = (refreshed.json as { access_token: string }).access_token;
    expect((await client.api('GET', '/backups')).status).toBe(200);
    const bogus = await client.call('POST', '/api/mgmt.aaa/2.0/token', { token: null, json: { refresh_token: 'bogus' } });
    expect(bogus.status).toBe(401);
    const revoked = await client.call('POST', '/api/mgmt.aaa/2.0/refresh_tokens/revoke', { json: { refresh_token: refreshToken } });
    expect(revoked.status).toBe(200);
    expect((await client.call('POST', '/api/mgmt.aaa/2.0/token', { token: null, json: { refresh_token: refreshToken } })).status).toBe(401);
  });
});

describe('appliance token lifetime and auth versions', () => {
  it('a 1 s access token answers 401 once its lifetime is over; only configured versions exist', async () => {
    await withSimAndClient({ tokenLifetimeSeconds: 1, authVersions: ['2.0'], seededBackups: 0 }, async ({ sim, client }) => {
      expect((await client.call('POST', '/api/mgmt.aaa/1.0/token', { json: { user_credentials: sim.credentials } })).status).toBe(404);
      const services = (await client.call('GET', '/api/common/1.0/services')).json as Array<{ id: string; versions: string[] }>;
      expect(services).toContainEqual({ id: 'mgmt.aaa', versions: ['2.0'] });
      const login = await client.login('2.0');
      expect((login.json as { expires_at: number }).expires_at - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(1);
      expect((await client.api('GET', '/backups')).status).toBe(200);
      const expired = await until(async () => {
        const reply = await client.api('GET', '/backups');
        return reply.status === 401 ? reply : undefined;
      }, 'the 1 s token to expire');
      expect(errorId(expired.json)).toBe('AUTH_EXPIRED_TOKEN');
    });
  });
});
