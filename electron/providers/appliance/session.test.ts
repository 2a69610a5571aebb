import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../e2e/sims/appliance';
import { listWireBackups } from './api';
import { dropSession, sessionOf } from './session';
import { refreshDueMs, tokenLifetimeMs } from './session-expiry';
import { rejectionOf, testProvider, useApplianceSim, waitUntil, withApplianceSim } from './test-support/harness';

const shared = useApplianceSim();

const tokenCalls = (requests: RequestLogEntry[]) => requests.filter((r) => r.method === 'POST' && /\/token$/.test(r.path));

describe('signing in to the appliance', () => {
  it('signs in on mgmt.aaa 2.0 with exactly application/json and calls npm.backup with Bearer', async () => {
    const ctx = shared.context();
    const backups = await testProvider.listBackups(ctx);
    expect(backups).toHaveLength(1);
    const requests = shared.sim().state.requests;
    const login = tokenCalls(requests);
    expect(login).toEqual([expect.objectContaining({ path: '/api/mgmt.aaa/2.0/token', contentType: 'application/json', status: 201 })]);
    expect(requests.find((r) => r.path === '/api/npm.backup/1.0/backups')).toMatchObject({ method: 'GET', authorization: 'bearer', status: 200 });
    // 2.0 answers the documented epoch time: read against the Date header, it is a 15-minute token.
    const session = sessionOf(ctx)!;
    expect(session.authVersion).toBe('2.0');
    expect(Math.abs(session.lifetimeMs - 900_000)).toBeLessThanOrEqual(2_000);
  });

  it('falls back to mgmt.aaa 1.0 on a 404, remembers it, and reads its bare "expires_at": 900 as a lifetime', async () => {
    await withApplianceSim({ authVersions: ['1.0'] }, async (sim, context) => {
      const { ctx } = context();
      await testProvider.listBackups(ctx);
      expect(tokenCalls(sim.state.requests).map((r) => [r.path, r.status])).toEqual([
        ['/api/mgmt.aaa/2.0/token', 404],
        ['/api/mgmt.aaa/1.0/token', 201],
      ]);
      expect(sessionOf(ctx)).toMatchObject({ authVersion: '1.0', lifetimeMs: 900_000 });
      dropSession(ctx);
      await testProvider.listBackups(ctx);
      expect(tokenCalls(sim.state.requests).map((r) => r.path).slice(2)).toEqual(['/api/mgmt.aaa/1.0/token']);
    });
  });

  it('refreshes the token before it expires, with the refresh token (200), not the password', async () => {
    await withApplianceSim({ tokenLifetimeSeconds: 2 }, async (sim, context) => {
      const { ctx } = context();
      await listWireBackups(ctx);
      const first = sessionOf(ctx)!;
      expect(first.refreshToken).toBeTruthy();
      await waitUntil(() => Date.now() - first.obtainedAtMs >= refreshDueMs(first.lifetimeMs) + 20, 'the token is due for a refresh', 5_000);
      await listWireBackups(ctx);
      expect(tokenCalls(sim.state.requests).map((r) => r.status)).toEqual([201, 200]);
      expect(sessionOf(ctx)!.accessToken).not.toBe(first.accessToken);
      expect(sim.state.requests.filter((r) => r.status === 401)).toEqual([]);
    });
  });

  it('signs in again once and retries once when the appliance answers 401 to a call', async () => {
    const ctx = shared.context();
    await listWireBackups(ctx);
    shared.sim().expireTokens();
    await listWireBackups(ctx);
    const calls = shared.sim().state.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(calls).toEqual([
      'POST /api/mgmt.aaa/2.0/token 201',
      'GET /api/npm.backup/1.0/backups 200',
      'GET /api/npm.backup/1.0/backups 401',
      'POST /api/mgmt.aaa/2.0/token 201',
      'GET /api/npm.backup/1.0/backups 200',
    ]);
  });

  it('says the user name or password is wrong, without the password, and never logs secrets', async () => {
    const wrong = shared.context({ secrets: { password: 'not-the-Password-123' } });
    const error = await rejectionOf(testProvider.listBackups(wrong));
    expect(error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/refused to sign in user "admin": wrong user name or password/) });
    expect(JSON.stringify(error)).not.toContain('not-the-Password-123');
    expect(shared.logLines().join('\n')).not.toContain('not-the-Password-123');

    const ctx = shared.context();
    await testProvider.listBackups(ctx);
    const { accessToken, refreshToken } = sessionOf(ctx)!;
    const lines = shared.logLines().join('\n');
    expect(lines).toMatch(/Signed in to the appliance/);
    for (const secret of [shared.sim().credentials.password, accessToken, refreshToken!]) expect(lines).not.toContain(secret);
  });

  it('asks for the password when none is stored', async () => {
    const ctx = shared.context({ secrets: { password: '' } });
    expect(await rejectionOf(testProvider.listBackups(ctx))).toMatchObject({ code: 'validation', message: expect.stringMatching(/No password is stored/) });
  });

  it('accepts a REST address pasted as the URL and uses the device base', async () => {
    const ctx = shared.context({ url: `${shared.sim().url}/api/npm.backup/1.0/backups` });
    expect(await testProvider.listBackups(ctx)).toHaveLength(1);
    expect(shared.sim().state.requests.map((r) => r.path)).toContain('/api/npm.backup/1.0/backups');
  });
});

describe('token lifetimes', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it('reads expires_in, a bare lifetime, an epoch time against the Date header, and defaults to 900 s', () => {
    expect(tokenLifetimeMs({ expires_in: 900 }, undefined, now)).toBe(900_000);
    expect(tokenLifetimeMs({ expires_at: 900 }, undefined, now)).toBe(900_000);
    expect(tokenLifetimeMs({}, undefined, now)).toBe(900_000);
    expect(tokenLifetimeMs({ expires_at: 0 }, undefined, now)).toBe(900_000);
    // The appliance's clock is an hour ahead of this computer's: its own Date header keeps the lifetime right.
    const applianceNow = now + 3_600_000;
    expect(tokenLifetimeMs({ expires_at: applianceNow / 1000 + 600 }, new Date(applianceNow).toUTCString(), now)).toBe(600_000);
    // Without a Date header the local clock is all there is; an expiry already past falls back to 900 s.
    expect(tokenLifetimeMs({ expires_at: now / 1000 + 300 }, undefined, now)).toBe(300_000);
    expect(tokenLifetimeMs({ expires_at: now / 1000 - 300 }, undefined, now)).toBe(900_000);
  });

  it('refreshes at 80 % or a minute before the end, never before half the lifetime', () => {
    expect(refreshDueMs(900_000)).toBe(720_000);
    expect(refreshDueMs(120_000)).toBe(60_000);
    expect(refreshDueMs(2_000)).toBe(1_000);
  });
});
