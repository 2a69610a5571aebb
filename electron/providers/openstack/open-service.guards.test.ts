import { X509Certificate } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../shared/domain';
import { trustFor } from '../../core/connections';
import { HttpClient } from '../../core/http/http-client';
import { makeTestPki, type TestPki } from '../../core/http/test-tls';
import type { ProviderContext } from '../provider';
import { openService } from './open-service';
import { shiftTokenTimes, startSimFront, type SimFront } from './open-service.sim-front';
import { isAdmin } from './roles';
import { rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

let pki: TestPki;
let otherPki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
  otherPki = makeTestPki();
});
afterAll(() => {
  pki?.cleanup();
  otherPki?.cleanup();
});

const fronts: SimFront[] = [];
const clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(fronts.splice(0).map((f) => f.close()));
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

async function front(options: Omit<Parameters<typeof startSimFront>[0], 'target'>): Promise<SimFront> {
  const started = await startSimFront({ target: sim().url, ...options });
  fronts.push(started);
  return started;
}

/** A context like the core builds, signing in as the admin at `authUrl` with the endpoint's TLS trust. */
function tlsContext(authUrl: string, tls: Endpoint['tls']): ProviderContext {
  const base = context('admin');
  const make = (baseUrl: string) => {
    const client = new HttpClient({ baseUrl, timeoutMs: 5_000, tls: trustFor(baseUrl, authUrl, tls) });
    clients.push(client);
    return client;
  };
  const others = new Map<string, HttpClient>();
  return {
    ...base,
    endpoint: { ...base.endpoint, url: authUrl, tls },
    http: make(authUrl),
    httpFor: (url) => others.get(url) ?? others.set(url, make(url)).get(url)!,
  };
}

const authRequests = () => sim().requests().filter((r) => r.path.endsWith('/auth/tokens'));

describe('openService: where the token may go', () => {
  it('refuses an http catalog URL when the sign-in went over https, before sending the token there', async () => {
    const keystone = await front({ tls: pki.server });
    const ctx = tlsContext(`${keystone.url}/identity/v3`, { caPem: pki.ca.certPem });
    const error = await rejectionOf(openService(ctx, 'trove'));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringMatching(/Trove at http:\/\/127\.0\.0\.1:\d+ \(plain http, public interface, region RegionOne\).*cleartext HTTP/) });
    expect(error.hint).toMatch(/https public endpoint for Trove.*Interface \(or Region\)/);
    expect(authRequests()).toHaveLength(1);
    expect(sim().requests().some((r) => r.path.startsWith('/database') && r.hadToken)).toBe(false);
  });

  it('keeps allowing plain http everywhere (a lab, the simulator)', async () => {
    const service = await openService(context('admin'), 'trove');
    expect(service.baseUrl).toMatch(/^http:/);
  });

  it('reaches a catalog service on another host with the CA check only: the pin is Keystone\'s', async () => {
    // Keystone on "localhost" with one certificate; Trove on 127.0.0.1 with another, both from trusted CAs.
    const trove = await front({ tls: otherPki.server });
    const keystone = await front({ tls: pki.server, hostName: 'localhost', rewriteTokenBody: (body) => body.replaceAll(sim().url, trove.url) });
    const pin = new X509Certificate(pki.server.certPem).fingerprint256;
    const ctx = tlsContext(`${keystone.url}/identity/v3`, { caPem: pki.ca.certPem + otherPki.ca.certPem, fingerprint256: pin });
    const service = await openService(ctx, 'trove');
    expect((await service.request({ path: 'backups' })).status).toBe(200);
  });

  it('says the pin is Keystone\'s only and which CA to paste when a service on another host is not trusted', async () => {
    const trove = await front({ tls: otherPki.server });
    const keystone = await front({ tls: pki.server, hostName: 'localhost', rewriteTokenBody: (body) => body.replaceAll(sim().url, trove.url) });
    const pin = new X509Certificate(pki.server.certPem).fingerprint256;
    const ctx = tlsContext(`${keystone.url}/identity/v3`, { caPem: pki.ca.certPem, fingerprint256: pin });
    const service = await openService(ctx, 'trove');
    const error = await rejectionOf(service.request({ path: 'backups' }));
    expect(error.code).toBe('tls');
    expect(error.message).toContain(`Trove is at ${new URL(trove.url).host}, another host than Keystone (${new URL(keystone.url).host})`);
    expect(error.message).toMatch(/pinned fingerprint applies to Keystone only/);
    expect(error.hint).toMatch(/Paste the CA certificate that signed/);
  });
});

describe('token freshness with a skewed workstation clock', () => {
  it('does not sign in on every request when Keystone\'s clock is 2 hours behind ours', async () => {
    const keystone = await front({ rewriteTokenBody: shiftTokenTimes(-2 * 3_600_000) });
    const ctx = context('admin', {}, `${keystone.url}/identity/v3`);
    const service = await openService(ctx, 'cinder');
    for (let i = 0; i < 2; i++) await (await service.request({ path: 'backups' })).discard();
    await openService(ctx, 'trove');
    expect(authRequests()).toHaveLength(1);
  });

  it('renews a short-lived token in time when Keystone\'s clock is 2 hours ahead of ours', async () => {
    sim().config.tokenTtlSeconds = 2;
    const keystone = await front({ rewriteTokenBody: shiftTokenTimes(2 * 3_600_000) });
    const service = await openService(context('admin', {}, `${keystone.url}/identity/v3`), 'cinder');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await (await service.request({ path: 'backups' })).discard();
    expect(authRequests()).toHaveLength(2);
    expect(sim().requests().filter((r) => r.path.endsWith('/backups')).map((r) => r.status)).toEqual([200]);
  });
});

describe('a refused sign-in', () => {
  it('forgets the session, so the admin roles of the last sign-in no longer count', async () => {
    const ctx = context('admin');
    await openService(ctx, 'cinder');
    expect(isAdmin(ctx.memo)).toBe(true);
    const wrong: ProviderContext = { ...ctx, secret: async () => 'not-the-password' };
    const service = await openService(wrong, 'cinder');
    sim().revokeTokens();
    const error = await rejectionOf(service.request({ path: 'backups' }));
    expect(error.code).toBe('unauthorized');
    expect(isAdmin(ctx.memo)).toBeUndefined();
  });

  it('keeps the session when Keystone is merely down', async () => {
    const ctx = context('admin');
    const service = await openService(ctx, 'cinder');
    sim().revokeTokens();
    sim().faults.keystoneDown = true;
    await rejectionOf(service.request({ path: 'backups' }));
    expect(isAdmin(ctx.memo)).toBe(true);
  });
});
