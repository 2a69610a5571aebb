import { describe, expect, it } from 'vitest';
import { openService } from './open-service';
import { isAdmin, knownRoles } from './roles';
import { testConnection } from './test-connection';
import { rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

describe('openService against the OpenStack simulator', () => {
  it('signs in with a password, picks the public RegionOne block-storage URL and remembers the roles', async () => {
    const ctx = context('admin');
    expect(isAdmin(ctx.memo)).toBeUndefined();
    const service = await openService(ctx, 'cinder');
    expect(service.baseUrl).toBe(`${sim().url}/volume/v3/${sim().credentials.admin.projectId}/`);
    expect(service.choice).toMatchObject({ region: 'RegionOne', interface: 'public', serviceType: 'block-storage' });
    expect(service.isAdmin).toBe(true);
    expect(isAdmin(ctx.memo)).toBe(true);
    expect(knownRoles(ctx.memo)).toContain('admin');
    const auth = sim().requests().filter((r) => r.path.endsWith('/auth/tokens'));
    expect(auth).toHaveLength(1);
    expect(JSON.stringify(auth[0]!.body)).not.toContain(sim().credentials.admin.password);
  });

  it('accepts the auth URL without /v3', async () => {
    const ctx = context('member', {}, `${sim().url}/identity`);
    const service = await openService(ctx, 'cinder');
    expect(service.isAdmin).toBe(false);
    expect(isAdmin(ctx.memo)).toBe(false);
    expect(sim().requests().some((r) => r.path === '/identity/v3/auth/tokens' && r.status === 201)).toBe(true);
  });

  it('signs in with an application credential (no scope in the request)', async () => {
    const ctx = context('appCredential');
    const service = await openService(ctx, 'cinder');
    expect(service.projectId).toBe(sim().credentials.appCredential.projectId);
    const body = sim().requests().find((r) => r.path.endsWith('/auth/tokens'))!.body as { auth: Record<string, unknown> };
    expect(body.auth.scope).toBeUndefined();
  });

  it('reuses the token from the memo', async () => {
    const ctx = context('admin');
    await openService(ctx, 'cinder');
    await openService(ctx, 'trove');
    expect(sim().requests().filter((r) => r.path.endsWith('/auth/tokens'))).toHaveLength(1);
  });

  it('uses the internal URL when asked, and says which regions exist when none is set', async () => {
    const internal = await openService(context('admin', { interface: 'internal' }), 'cinder');
    expect(internal.baseUrl).toContain('/internal/volume/v3/');
    const error = await rejectionOf(openService(context('admin', { region_name: '' }), 'cinder'));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringContaining('several regions (RegionOne, RegionTwo)') });
  });

  it('refuses a wrong password with Keystone\'s message and a hint', async () => {
    const ctx = context('admin');
    const wrong = { ...ctx, secret: async () => 'not-the-password' };
    const error = await rejectionOf(openService(wrong, 'cinder'));
    expect(error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/^Keystone refused the sign-in/), hint: expect.stringMatching(/password/) });
  });

  it('reports Keystone being down as a server error', async () => {
    sim().faults.keystoneDown = true;
    const error = await rejectionOf(openService(context('admin'), 'cinder'));
    expect(error).toMatchObject({ code: 'server-error', message: expect.stringContaining('Keystone answered HTTP 503') });
  });

  it('signs in again once when a service answers 401 to a revoked token, then retries', async () => {
    const ctx = context('admin');
    const service = await openService(ctx, 'cinder');
    sim().revokeTokens();
    const res = await service.request({ path: 'backups' });
    expect(res.status).toBe(200);
    await res.discard();
    const log = sim().requests();
    expect(log.filter((r) => r.path.endsWith('/auth/tokens'))).toHaveLength(2);
    expect(log.filter((r) => r.path.endsWith('/backups')).map((r) => r.status)).toEqual([401, 200]);
  });

  it('signs in again before a short-lived token expires instead of waiting for a 401', async () => {
    sim().config.tokenTtlSeconds = 2;
    const ctx = context('admin');
    const service = await openService(ctx, 'cinder');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const res = await service.request({ path: 'backups' });
    await res.discard();
    const log = sim().requests();
    expect(log.filter((r) => r.path.endsWith('/auth/tokens'))).toHaveLength(2);
    expect(log.filter((r) => r.path.endsWith('/backups')).map((r) => r.status)).toEqual([200]);
  });

  it('refuses to follow a link to another host', async () => {
    const service = await openService(context('admin'), 'cinder');
    await expect(service.requestUrl('http://example.com/volume/v3/x/backups', {})).rejects.toThrow(/not its catalog host/);
  });

  it('tests the connection: URL, region, roles', async () => {
    const result = await testConnection(context('member'), 'cinder', async () => ({ summary: 'probe ran', serverVersion: 'X' }));
    expect(result).toMatchObject({ ok: true, url: `${sim().url}/volume/v3/${sim().credentials.member.projectId}`, serverVersion: 'X' });
    expect(result.message).toMatch(/\(region RegionOne, public interface\); your roles: member, reader; probe ran\./);
    const failed = await testConnection({ ...context('admin'), secret: async () => 'wrong' }, 'cinder', async () => ({ summary: '' }));
    expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/Keystone refused the sign-in/) });
  });
});
