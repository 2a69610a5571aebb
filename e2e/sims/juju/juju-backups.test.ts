import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startJujuSim, type JujuSim } from './index';
import { connectRpc, type RawRpcClient } from './test-rpc-client';

const v2Fields = [
  'id', 'checksum', 'checksum-format', 'size', 'stored', 'started', 'finished', 'notes', 'model', 'machine', 'hostname', 'version',
  'series', 'ca-cert', 'ca-private-key', 'filename', 'format-version', 'controller-uuid', 'controller-machine-id', 'controller-machine-inst-id', 'ha-nodes',
];
const v3Fields = [...v2Fields.filter((f) => !['series', 'ca-cert', 'ca-private-key'].includes(f)), 'base'];

async function adminOnControllerModel(sim: JujuSim): Promise<RawRpcClient> {
  const client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
  await client.login('admin', sim.credentials.admin.password);
  return client;
}

describe('Juju 2.8.10 Backups v2', () => {
  let sim: JujuSim;
  let client: RawRpcClient;
  beforeAll(async () => {
    sim = await startJujuSim({ port: 0, version: '2.8.10', timeScale: 0.01, seed: 2, archiveBytes: 100_000 });
    client = await adminOnControllerModel(sim);
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('creates with every v2 field, a zero `stored` when no copy is kept', async () => {
    const reply = await client.call('Backups', 2, 'Create', { notes: 'nightly', 'keep-copy': false, 'no-download': false });
    const meta = reply.response!;
    expect(Object.keys(meta).sort()).toEqual([...v2Fields].sort());
    expect(meta).toMatchObject({ notes: 'nightly', 'checksum-format': 'SHA-1, base64 encoded', size: 100_000, stored: '0001-01-01T00:00:00Z', version: '2.8.10', series: 'focal' });
    expect(meta.id).toMatch(new RegExp(`^\\d{8}-\\d{6}\\.${sim.controllerModelUuid}$`));
    expect(meta.filename).toMatch(/^\/tmp\/juju-backup-\d{8}-\d{6}\.tar\.gz$/);
    expect(meta['ca-cert']).toBe(sim.caPem);
    expect(meta['ca-private-key']).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(meta.checksum).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect((await client.call('Backups', 2, 'List')).response).toEqual({ list: [] });
  });

  it('keeps a copy with keep-copy: List, Info and Remove see it', async () => {
    const kept = (await client.call('Backups', 2, 'Create', { notes: 'kept', 'keep-copy': true, 'no-download': true })).response!;
    expect(kept.stored).toBe(kept.finished);
    expect((await client.call('Backups', 2, 'List', {})).response).toEqual({ list: [kept] });
    expect((await client.call('Backups', 2, 'Info', { id: kept.id })).response).toEqual(kept);
    expect(await client.call('Backups', 2, 'Info', { id: 'nope' })).toMatchObject({ error: 'backup metadata "nope" not found', 'error-code': 'not found' });
    const removed = await client.call('Backups', 2, 'Remove', { ids: [kept.id, 'nope'] });
    expect(removed.response).toEqual({ results: [{}, { error: { message: 'backup metadata "nope" not found', code: 'not found' } }] });
    expect(sim.state.backups).toEqual([]);
  });

  it('v1 always keeps a copy; an unknown method or version is not implemented', async () => {
    const v1 = (await client.call('Backups', 1, 'Create', { notes: 'v1' })).response!;
    expect(v1.stored).not.toBe('0001-01-01T00:00:00Z');
    expect(await client.call('Backups', 3, 'Create', {})).toMatchObject({ error: 'unknown version (3) of interface "Backups"', 'error-code': 'not implemented' });
    expect(await client.call('Backups', 2, 'Download', {})).toMatchObject({ error: 'no such request - method Backups(2).Download is not implemented', 'error-code': 'not implemented' });
  });

  it('fails Create with the createFails message and no error code', async () => {
    sim.faults.createFails = 'HA not ready; try again later';
    const reply = await client.call('Backups', 2, 'Create', { notes: '', 'keep-copy': false, 'no-download': false });
    expect(reply).toEqual({ 'request-id': reply['request-id'], error: 'HA not ready; try again later' });
  });

  it('blocks Create for createMs × timeScale plus slowCreateMs', async () => {
    sim.faults.slowCreateMs = 300;
    const started = Date.now();
    await client.call('Backups', 2, 'Create', { notes: '', 'keep-copy': false, 'no-download': false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(20_000 * 0.01 + 300 - 5);
  });

  it('drops the socket for the next dropSocket calls', async () => {
    const doomed = await adminOnControllerModel(sim);
    sim.faults.dropSocket = 1;
    await expect(doomed.call('Pinger', 1, 'Ping')).rejects.toThrow(/socket closed/);
    expect(sim.state.requests.at(-1)).toMatchObject({ call: 'Pinger(1).Ping', outcome: 'dropped' });
    expect((await client.call('Pinger', 1, 'Ping')).response).toEqual({});
  });
});

describe('Juju 3.6.14 Backups v3', () => {
  let sim: JujuSim;
  let client: RawRpcClient;
  beforeAll(async () => {
    sim = await startJujuSim({ port: 0, version: '3.6.14', timeScale: 0.01, seed: 3, archiveBytes: 50_000 });
    client = await adminOnControllerModel(sim);
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('creates with the v3 fields: base, no series, no CA, an absolute filename, zero stored', async () => {
    const meta = (await client.call('Backups', 3, 'Create', { notes: 'n', 'no-download': false })).response!;
    expect(Object.keys(meta).sort()).toEqual([...v3Fields].sort());
    expect(meta).toMatchObject({ base: 'ubuntu@22.04', version: '3.6.14', stored: '0001-01-01T00:00:00Z', 'ha-nodes': 1, 'format-version': 1 });
    expect(meta.filename).toMatch(/^\/tmp\/juju-backup-\d{8}-\d{6}\.tar\.gz$/);
    expect(sim.state.pendingFiles).toEqual([meta.filename]);
  });

  it('has Create only: Info, List, Remove, Restore are not implemented; v2 is unknown', async () => {
    for (const method of ['Info', 'List', 'Remove', 'PrepareRestore', 'Restore', 'FinishRestore']) {
      expect(await client.call('Backups', 3, method, {})).toMatchObject({ error: `no such request - method Backups(3).${method} is not implemented`, 'error-code': 'not implemented' });
    }
    expect(await client.call('Backups', 2, 'Create', {})).toMatchObject({ error: 'unknown version (2) of interface "Backups"', 'error-code': 'not implemented' });
  });

  it('sends error-info with the incompatible-client error (newer releases)', async () => {
    const old = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    await old.login('admin', sim.credentials.admin.password, '2.9.10');
    expect(await old.call('Backups', 3, 'Create', {})).toMatchObject({ 'error-info': { 'server-version': '3.6.14' } });
    old.close();
  });
});
