import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '.';
import { call, cinderClient, issueToken, passwordAuthBody } from './sim-test-client';

let sim: OpenStackSim;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 1 });
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const unauthorized = { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } };
const authenticate = (body: unknown) =>
  call<{ token: Record<string, unknown> }>(`${sim.authUrl}/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Catalog {
  type: string;
  endpoints: Array<{ interface: string; region: string; region_id: string; url: string; id: string }>;
}

describe('Keystone v3', () => {
  it('answers version discovery: 300 on /identity, the v3 document on /identity/v3', async () => {
    const list = await call<{ versions: { values: Array<{ id: string; links: Array<{ href: string }> }> } }>(`${sim.url}/identity`);
    expect(list.status).toBe(300);
    expect(list.body.versions.values[0].links[0].href).toBe(`${sim.authUrl}/`);
    const v3 = await call<{ version: { id: string; status: string } }>(sim.authUrl);
    expect(v3.status).toBe(200);
    expect(v3.body.version).toMatchObject({ id: 'v3.14', status: 'stable' });
  });

  it('issues a project-scoped token for user+project names: 201, X-Subject-Token, roles, catalog, µs Z timestamps', async () => {
    const res = await authenticate(passwordAuthBody('admin', 'admin-secret', 'admin'));
    expect(res.status).toBe(201);
    expect(res.headers.get('x-subject-token')).toMatch(/^gAAAAA/);
    const token = res.body.token;
    expect(token.methods).toEqual(['password']);
    expect(token.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(token.expires_at as string) - Date.parse(token.issued_at as string)).toBeCloseTo(3_600_000, -3);
    expect(token.project).toEqual({ domain: { id: 'default', name: 'Default' }, id: sim.credentials.admin.projectId, name: 'admin' });
    expect((token.roles as Array<{ name: string }>).map((r) => r.name).sort()).toEqual(['admin', 'member', 'reader']);
    expect((token.user as { id: string }).id).toBe(sim.credentials.admin.userId);
  });

  it('accepts user and project by id (the api-ref sample request)', async () => {
    const { userId, projectId } = sim.credentials.member;
    const res = await authenticate({ auth: { identity: { methods: ['password'], password: { user: { id: userId, password: 'demo-secret' } } }, scope: { project: { id: projectId } } } });
    expect(res.status).toBe(201);
    expect((res.body.token.roles as Array<{ name: string }>).map((r) => r.name).sort()).toEqual(['member', 'reader']);
  });

  it('puts block storage in the catalog twice (block-storage, volumev3), with a distinct internal URL and an unroutable RegionTwo', async () => {
    const res = await authenticate(passwordAuthBody('demo', 'demo-secret', 'demo'));
    const catalog = res.body.token.catalog as Catalog[];
    const pid = sim.credentials.member.projectId;
    for (const type of ['block-storage', 'volumev3']) {
      const endpoints = catalog.find((c) => c.type === type)!.endpoints;
      expect(endpoints.find((e) => e.interface === 'public' && e.region === 'RegionOne')!.url).toBe(`${sim.url}/volume/v3/${pid}`);
      expect(endpoints.find((e) => e.interface === 'internal' && e.region === 'RegionOne')!.url).toBe(`${sim.url}/internal/volume/v3/${pid}`);
      expect(endpoints.find((e) => e.region === 'RegionTwo')!.url).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
    }
    expect(catalog.find((c) => c.type === 'database')!.endpoints.find((e) => e.interface === 'public')!.url).toBe(`${sim.url}/database/v1.0/${pid}`);
    expect(catalog.find((c) => c.type === 'identity')!.endpoints[0].url).toBe(`${sim.url}/identity`);
    const internal = await fetch(`${sim.url}/internal/volume/v3/${pid}/backups`, { headers: { 'x-auth-token': res.headers.get('x-subject-token')! } });
    expect(internal.status).toBe(200);
  });

  it('answers 401 in Keystone shape for a wrong password, an unknown user, or a project without a role', async () => {
    for (const body of [passwordAuthBody('admin', 'nope', 'admin'), passwordAuthBody('ghost', 'x', 'admin'), passwordAuthBody('demo', 'demo-secret', 'admin')]) {
      const res = await authenticate(body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(unauthorized);
    }
  });

  it('answers 400 in Keystone shape for a malformed body', async () => {
    for (const body of [{}, { auth: { identity: { methods: ['password'] } } }, { auth: { identity: { methods: ['password'], password: { user: { name: 'admin', password: 'x' } } } } }]) {
      const res = await authenticate(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 400, title: 'Bad Request', message: expect.stringContaining('Expecting to find') } });
    }
    const notJson = await call(`${sim.authUrl}/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"auth":' });
    expect(notJson.status).toBe(400);
  });

  it('authenticates an application credential by id or by name+user; the scope comes from the credential, asking for one is a 401', async () => {
    const { id, name, secret, projectId } = sim.credentials.appCredential;
    const byId = await authenticate({ auth: { identity: { methods: ['application_credential'], application_credential: { id, secret } } } });
    expect(byId.status).toBe(201);
    expect(byId.body.token.methods).toEqual(['application_credential']);
    expect((byId.body.token.project as { id: string }).id).toBe(projectId);
    expect((byId.body.token.roles as Array<{ name: string }>).map((r) => r.name).sort()).toEqual(['member', 'reader']);
    const byName = await authenticate({
      auth: { identity: { methods: ['application_credential'], application_credential: { name, secret, user: { name: 'demo', domain: { name: 'Default' } } } } },
    });
    expect(byName.status).toBe(201);
    const wrongSecret = await authenticate({ auth: { identity: { methods: ['application_credential'], application_credential: { id, secret: 'nope' } } } });
    expect(wrongSecret.body).toEqual(unauthorized);
    const withScope = await authenticate({ auth: { identity: { methods: ['application_credential'], application_credential: { id, secret } }, scope: { project: { id: projectId } } } });
    expect(withScope.status).toBe(401);
  });

  it('validates a token with X-Subject-Token (GET 200, HEAD 200) and forgets a deleted one (404)', async () => {
    const token = await issueToken(sim, 'member');
    const headers = { 'x-auth-token': token, 'x-subject-token': token };
    const got = await call<{ token: { user: { name: string } } }>(`${sim.authUrl}/auth/tokens`, { headers });
    expect(got.status).toBe(200);
    expect(got.body.token.user.name).toBe('demo');
    expect((await fetch(`${sim.authUrl}/auth/tokens`, { method: 'HEAD', headers })).status).toBe(200);
    const other = await issueToken(sim, 'admin');
    expect((await fetch(`${sim.authUrl}/auth/tokens`, { method: 'DELETE', headers: { 'x-auth-token': other, 'x-subject-token': token } })).status).toBe(204);
    expect((await call(`${sim.authUrl}/auth/tokens`, { headers: { 'x-auth-token': other, 'x-subject-token': token } })).status).toBe(404);
  });

  it('expires tokens after tokenTtlSeconds: Cinder then answers 401 with keystonemiddleware body and WWW-Authenticate', async () => {
    sim.config.tokenTtlSeconds = 1;
    const token = await issueToken(sim, 'member');
    const cinder = cinderClient(sim, token, sim.credentials.member.projectId);
    expect((await cinder('/backups')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await cinder('/backups');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(unauthorized);
    expect(expired.headers.get('www-authenticate')).toBe(`Keystone uri="${sim.url}/identity"`);
  });

  it('refuses a missing token and every token after revokeTokens()', async () => {
    const token = await issueToken(sim, 'admin');
    const pid = sim.credentials.admin.projectId;
    expect((await call(`${sim.url}/volume/v3/${pid}/backups`)).status).toBe(401);
    expect((await call(`${sim.url}/volume/v3/${pid}/backups`, { headers: { 'x-auth-token': token } })).status).toBe(200);
    sim.revokeTokens();
    expect((await call(`${sim.url}/volume/v3/${pid}/backups`, { headers: { 'x-auth-token': token } })).status).toBe(401);
    expect((await call(`${sim.url}/database/v1.0/${pid}/backups`, { headers: { 'x-auth-token': token } })).status).toBe(401);
  });

  it('keystoneDown: 503 on /identity, while version documents of the services still answer', async () => {
    sim.faults.keystoneDown = true;
    const res = await authenticate(passwordAuthBody('admin', 'admin-secret', 'admin'));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: { code: 503 } });
    expect((await fetch(`${sim.url}/volume/`)).status).toBe(300);
  });
});
