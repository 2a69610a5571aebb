import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startJujuSim, type JujuSim } from './index';
import { connectRpc } from './test-rpc-client';

describe.each(['2.8.10', '3.6.14'] as const)('Juju %s controller login', (version) => {
  let sim: JujuSim;
  beforeAll(async () => {
    sim = await startJujuSim({ port: 0, version, timeScale: 0.01, seed: 1 });
  });
  afterAll(() => sim.close());

  it('logs the admin in with the login result fields Juju sends', async () => {
    const client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    const reply = await client.login('admin', sim.credentials.admin.password);
    expect(reply.error).toBeUndefined();
    const result = reply.response!;
    expect(result['controller-tag']).toBe(`controller-${sim.controllerUuid}`);
    expect(result['model-tag']).toBe(`model-${sim.controllerModelUuid}`);
    expect(result['server-version']).toBe(version);
    expect(result['user-info']).toMatchObject({ identity: 'user-admin', 'controller-access': 'superuser', 'model-access': 'admin' });
    expect(result.servers).toEqual([[{ value: '127.0.0.1', type: 'ipv4', scope: 'local-machine', port: sim.port }]]);
    const facades = result.facades as Array<{ name: string; versions: number[] }>;
    const versionsOf = (name: string) => facades.find((f) => f.name === name)?.versions;
    expect(versionsOf('Backups')).toEqual(version === '2.8.10' ? [1, 2] : [3]);
    expect(versionsOf('Admin')).toEqual([3]);
    expect(versionsOf('Pinger')).toEqual([1]);
    expect(versionsOf('ModelManager')).toBeDefined();
    expect((await client.call('Pinger', 1, 'Ping')).response).toEqual({});
    client.close();
  });

  it('refuses a wrong password and anything but Admin before login', async () => {
    const client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    expect(await client.call('Backups', 3, 'Create', {})).toMatchObject({ error: 'unknown version (3) of interface "Backups"', 'error-code': 'not implemented' });
    const reply = await client.login('admin', 'wrong');
    expect(reply).toMatchObject({ error: 'invalid entity name or password', 'error-code': 'unauthorized access' });
    expect(sim.state.requests.some((r) => JSON.stringify(r).includes(sim.credentials.admin.password))).toBe(false);
    client.close();
  });

  it('lets bob log in but refuses him the Backups facade', async () => {
    const client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    const login = await client.login('bob', sim.credentials.nonSuperuser.password);
    expect(login.response?.['user-info']).toMatchObject({ 'controller-access': 'login' });
    const backupsVersion = version === '2.8.10' ? 2 : 3;
    expect(await client.call('Backups', backupsVersion, 'Create', { notes: '', 'no-download': false })).toMatchObject({
      error: 'permission denied',
      'error-code': 'unauthorized access',
    });
    client.close();
  });

  it('refuses Backups on a controller-only connection and lists the models there', async () => {
    const client = await connectRpc(sim, '/api');
    const login = await client.login('admin', sim.credentials.admin.password);
    expect(login.response?.['model-tag']).toBeUndefined();
    const names = (login.response?.facades as Array<{ name: string }>).map((f) => f.name);
    expect(names).toContain('ModelManager');
    expect(names).not.toContain('Backups');
    expect(await client.call('Backups', version === '2.8.10' ? 2 : 3, 'Create', {})).toEqual({
      'request-id': 2,
      error: 'facade "Backups" not supported for controller API connection',
      'error-code': 'not supported',
    });
    const models = await client.call('ModelManager', version === '2.8.10' ? 8 : 10, 'ListModels', { tag: 'user-admin' });
    const userModels = models.response?.['user-models'] as Array<{ model: { name: string; uuid: string } }>;
    expect(userModels.find((m) => m.model.name === 'controller')?.model.uuid).toBe(sim.controllerModelUuid);
    client.close();
  });

  it('refuses Backups on a hosted model', async () => {
    const client = await connectRpc(sim, `/model/${sim.defaultModelUuid}/api`);
    await client.login('admin', sim.credentials.admin.password);
    const reply = await client.call('Backups', version === '2.8.10' ? 2 : 3, 'Create', {});
    expect(reply.error).toBe('backups are only supported from the controller model\nUse juju switch to select the controller model');
    expect(reply['error-code']).toBeUndefined();
    client.close();
  });

  it('refuses an incompatible client version with the IncompatibleClientError', async () => {
    const client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    await client.login('admin', sim.credentials.admin.password, version === '2.8.10' ? '4.0.12' : '2.9.10');
    const reply = await client.call('Backups', version === '2.8.10' ? 2 : 3, 'Create', {});
    expect(reply).toMatchObject({ error: `client incompatible with server ${version}`, 'error-code': 'incompatible client' });
    client.close();
  });

  it('answers redirection required under the redirect fault, then RedirectInfo', async () => {
    sim.faults.redirect = 1;
    const client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    expect(await client.login('admin', sim.credentials.admin.password)).toMatchObject({ error: 'redirection required', 'error-code': 'redirection required' });
    const info = await client.call('Admin', 3, 'RedirectInfo');
    expect(info.response).toEqual({ servers: [[{ value: 'localhost', type: 'hostname', scope: 'public', port: sim.port }]], 'ca-cert': sim.caPem });
    expect((await client.login('admin', sim.credentials.admin.password)).error).toBeUndefined();
    client.close();
  });

  it('serves TLS only to clients that trust the controller CA, under the name juju-apiserver', async () => {
    await expect(connectRpc(sim, '/api', { ca: null })).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    const names = await new Promise<string | undefined>((resolve, reject) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: sim.port, ca: sim.caPem, servername: 'juju-apiserver' }, () => {
        resolve(socket.getPeerCertificate().subjectaltname);
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(names).toBe('DNS:localhost, DNS:juju-apiserver, DNS:juju-mongodb, DNS:anything, IP Address:127.0.0.1');
  });

  it('prints show-controller YAML the app can import', () => {
    const doc = parse(sim.showControllerYaml('sim')) as Record<string, Record<string, Record<string, unknown>>>;
    expect(doc.sim.details).toMatchObject({ uuid: sim.controllerUuid, 'api-endpoints': [sim.address], 'agent-version': version });
    expect(String(doc.sim.details['ca-cert']).trim()).toBe(sim.caPem.trim());
    expect(doc.sim.models.controller).toMatchObject({ uuid: sim.controllerModelUuid });
    expect(doc.sim.account).toEqual({ user: 'admin', access: 'superuser', password: sim.credentials.admin.password });
  });
});
