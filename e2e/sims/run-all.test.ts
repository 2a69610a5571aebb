import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { endpointImportSchema } from '../../shared/contract';
import { startAllSims, type SimEndpoint } from './run-all';

const expectedNames = [
  'Pieces OS (simulator)',
  'OpenStack Cinder (simulator, admin)',
  'OpenStack Cinder (simulator, member)',
  'OpenStack Trove (simulator)',
  'Juju 2.8 controller (simulator)',
  'Juju 3.6 controller (simulator)',
  'Network appliance (simulator)',
];

/** Proves a Juju endpoint's CA, settings and secret log in on its controller model, over Juju's RPC. */
async function jujuLoginWorks(endpoint: SimEndpoint): Promise<string | undefined> {
  const address = new URL(endpoint.url).host;
  const tlsOptions = { ca: endpoint.tls!.caPem, servername: 'juju-apiserver' };
  const socket = new WebSocket(`wss://${address}/model/${String(endpoint.settings!.model_uuid)}/api`, tlsOptions);
  try {
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const reply = new Promise<{ response?: { 'server-version': string } }>((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
    const params = { 'auth-tag': `user-${String(endpoint.settings!.username)}`, credentials: endpoint.secrets!.password, nonce: '', macaroons: [], 'user-data': '' };
    socket.send(JSON.stringify({ 'request-id': 1, type: 'Admin', version: 3, request: 'Login', params }));
    return (await reply).response?.['server-version'];
  } finally {
    socket.close();
  }
}

/**
 * Proves an appliance endpoint's pinned certificate is the one served (trusted as itself under its only
 * name, appliance.sim.local) and that its user and secret get a token.
 */
async function applianceLoginWorks(endpoint: SimEndpoint): Promise<number> {
  expect(new X509Certificate(endpoint.tls!.caPem!).fingerprint256).toBe(endpoint.tls!.fingerprint256);
  const dispatcher = new Agent({ connect: { ca: endpoint.tls!.caPem, servername: 'appliance.sim.local' } });
  try {
    const res = await request(`${endpoint.url}/api/mgmt.aaa/2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_credentials: { username: endpoint.settings!.username, password: endpoint.secrets!.password }, generate_refresh_token: false }),
      dispatcher,
    });
    await res.body.dump();
    return res.statusCode;
  } finally {
    await dispatcher.destroy();
  }
}

/** Proves an OpenStack endpoint's settings and secret really log in, and that the catalog holds its service. */
async function loginWorks(endpoint: SimEndpoint): Promise<boolean> {
  const s = endpoint.settings!;
  const res = await fetch(`${endpoint.url}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: s.username, domain: { name: s.user_domain_name }, password: endpoint.secrets!.password } } },
        scope: { project: { name: s.project_name, domain: { name: s.project_domain_name } } },
      },
    }),
  });
  const body = (await res.json()) as { token: { catalog: Array<{ type: string }> } };
  const type = endpoint.kind === 'cinder' ? 'block-storage' : 'database';
  return res.status === 201 && body.token.catalog.some((c) => c.type === type);
}

describe('startAllSims', () => {
  it('starts every simulator and returns importable endpoints', async () => {
    const logs: string[] = [];
    const sims = await startAllSims({ randomPorts: true, log: (line) => logs.push(line) });
    try {
      expect(sims.endpoints.map((e) => e.kind)).toEqual(['pieces', 'cinder', 'cinder', 'trove', 'juju', 'juju', 'appliance']);
      expect(sims.endpoints.map((e) => e.name)).toEqual(expectedNames);
      for (const endpoint of sims.endpoints) expect(endpointImportSchema.safeParse(endpoint).success).toBe(true);
      expect((await fetch(`${sims.endpoints[0].url}/.well-known/health`)).status).toBe(200);
      for (const endpoint of sims.endpoints.slice(1, 4)) {
        expect(endpoint.url).toMatch(/\/identity\/v3$/);
        expect(await loginWorks(endpoint)).toBe(true);
      }
      expect(await jujuLoginWorks(sims.endpoints[4])).toBe('2.8.10');
      expect(await jujuLoginWorks(sims.endpoints[5])).toBe('3.6.14');
      expect(await applianceLoginWorks(sims.endpoints[6])).toBe(201);
      expect(sims.endpoints[2].settings).toMatchObject({ username: 'demo', project_name: 'demo', region_name: 'RegionOne', interface: 'public' });
      expect(logs.length).toBeGreaterThan(0);
    } finally {
      await sims.close();
    }
    await expect(fetch(`${sims.endpoints[0].url}/.well-known/health`)).rejects.toThrow();
    await expect(fetch(sims.endpoints[1].url)).rejects.toThrow();
  });
});

describe('npm run sims (run-all.ts as a program)', () => {
  it('prints one JSON line per endpoint on stdout, nothing else, and stops on SIGTERM', async () => {
    const script = fileURLToPath(new URL('./run-all.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--random-ports'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: string[] = [];
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => stdout.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 10_000;
    while (stdout.length < expectedNames.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stdout).toHaveLength(expectedNames.length);
    const endpoints = stdout.map((line) => JSON.parse(line) as SimEndpoint);
    expect(Object.keys(endpoints[0])).toEqual(['kind', 'name', 'url']);
    expect(endpoints[0]).toMatchObject({ kind: 'pieces', name: 'Pieces OS (simulator)' });
    expect(Object.keys(endpoints[1])).toEqual(['kind', 'name', 'url', 'settings', 'secrets']);
    expect(endpoints.map((e) => e.name)).toEqual(expectedNames);
    expect(Object.keys(endpoints[4])).toEqual(['kind', 'name', 'url', 'tls', 'settings', 'secrets']);
    expect(Object.keys(endpoints[6])).toEqual(['kind', 'name', 'url', 'tls', 'settings', 'secrets']);
    expect(Object.keys(endpoints[6].tls!)).toEqual(['caPem', 'fingerprint256']);
    expect((await fetch(`${endpoints[0].url}/.well-known/version`)).status).toBe(200);
    expect((await fetch(endpoints[1].url)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toHaveLength(expectedNames.length);
  });
});
