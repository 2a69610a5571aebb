import { describe, expect, it, vi } from 'vitest';
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

  it('asks for no refresh token when it signs in', async () => {
    const ctx = shared.context();
    const request = vi.spyOn(ctx.http, 'request');
    await testProvider.listBackups(ctx);
    const signIns = request.mock.calls.map(([req]) => req).filter((req) => /\/token$/.test(req.path));
    expect(signIns).toHaveLength(1);
    expect(signIns[0]!.json).toEqual({ user_credentials: { username: 'admin', password: shared.sim().credentials.password }, generate_refresh_token: false });
    expect(sessionOf(ctx)!.refreshToken).toBeUndefined();
  });

  it('keeps a long-lived session going by signing in again before each token expires, never meeting a 401', async () => {
    await withApplianceSim({ tokenLifetimeSeconds: 2 }, async (sim, context) => {
      const { ctx } = context();
      const seen = new Set<string>();
      const until = Date.now() + 3_500;
      while (Date.now() < until) {
        await listWireBackups(ctx);
        seen.add(sessionOf(ctx)!.accessToken);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Three or more 2-second tokens, each replaced by a password sign-in (201) before it ran out; no refresh (200).
      const statuses = tokenCalls(sim.state.requests).map((r) => r.status);
      expect(statuses.length).toBeGreaterThanOrEqual(3);
      expect(new Set(statuses)).toEqual(new Set([201]));
      expect(seen.size).toBe(statuses.length);
      expect(sim.state.requests.filter((r) => r.status === 401)).toEqual([]);
    });
  });

  it('still redeems a refresh token a session already holds (200) instead of the password', async () => {
    await withApplianceSim({ tokenLifetimeSeconds: 2 }, async (sim, context) => {
      const { ctx } = context();
      await listWireBackups(ctx);
      // A session from before: the appliance gave it a refresh token.
      const res = await ctx.http.request({ method: 'POST', path: 'api/mgmt.aaa/2.0/token', json: { user_credentials: sim.credentials, generate_refresh_token: true } });
      const { refresh_token: refreshToken } = (await res.json()) as { refresh_token: string };
      const first = sessionOf(ctx)!;
      ctx.memo.set('appliance.session', { ...first, refreshToken });
      await waitUntil(() => Date.now() - first.obtainedAtMs >= refreshDueMs(first.lifetimeMs) + 20, 'the token is due to be replaced', 5_000);
      await listWireBackups(ctx);
      expect(tokenCalls(sim.state.requests).map((r) => r.status)).toEqual([201, 201, 200]);
      expect(sessionOf(ctx)).toMatchObject({ refreshToken });
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
    const { accessToken } = sessionOf(ctx)!;
    const lines = shared.logLines().join('\n');
    expect(lines).toMatch(/Signed in to the appliance/);
    for (const secret of [shared.sim().credentials.password, accessToken]) expect(lines).not.toContain(secret);
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

  it('replaces a token at 80 % or a minute before the end, never before half the lifetime', () => {
    expect(refreshDueMs(900_000)).toBe(720_000);
    expect(refreshDueMs(120_000)).toBe(60_000);
    expect(refreshDueMs(2_000)).toBe(1_000);
  });
});
