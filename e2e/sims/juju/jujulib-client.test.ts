// The reference-client check: Canonical's own JS client (@canonical/jujulib 9.1.0) talks to the simulator.
import { connect, type ConnectOptions } from '@canonical/jujulib';
import Backups from '@canonical/jujulib/dist/api/facades/backups/index.js';
import ModelManager from '@canonical/jujulib/dist/api/facades/model-manager/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startJujuSim, type JujuSim } from './index';

/** jujulib instantiates `new wsclass(url)` with no options, so TLS trust is injected by a subclass. */
function wsClassTrusting(caPem: string): NonNullable<ConnectOptions['wsclass']> {
  const tlsOptions = { ca: caPem, servername: 'juju-apiserver' };
  return class extends WebSocket {
    constructor(url: string) {
      super(url, tlsOptions);
    }
  } as unknown as NonNullable<ConnectOptions['wsclass']>;
}

const options = (caPem: string, withFacades: boolean): ConnectOptions => ({
  facades: withFacades ? [Backups, ModelManager] : [],
  wsclass: wsClassTrusting(caPem),
  closeCallback: () => undefined,
});

describe.each(['2.8.10', '3.6.14'] as const)('@canonical/jujulib against the Juju %s simulator', (version) => {
  let sim: JujuSim;
  beforeAll(async () => {
    sim = await startJujuSim({ port: 0, version, timeScale: 0.01, seed: 6, archiveBytes: 20_000 });
  });
  afterAll(() => sim.close());

  const login = async (path: string) => {
    const client = await connect(`${sim.url}${path}`, options(sim.caPem, true));
    const conn = await client.login({ username: 'admin', password: sim.credentials.admin.password }, version);
    if (!conn) throw new Error('jujulib returned no connection');
    return { client, conn };
  };

  it('discovers the controller model with ModelManager.ListModels on /api', async () => {
    const { client, conn } = await login('/api');
    expect(conn.info.serverVersion).toBe(version);
    expect(conn.facades.backups).toBeUndefined();
    const models = await conn.facades.modelManager!.listModels({ tag: 'user-admin' });
    expect(models['user-models'].find((m: { model: { name: string; uuid: string } }) => m.model.name === 'controller')?.model.uuid).toBe(sim.controllerModelUuid);
    client.logout();
  });

  it('creates a backup through the Backups facade it picked from the login result', async () => {
    const { client, conn } = await login(`/model/${sim.controllerModelUuid}/api`);
    const backups = conn.facades.backups!;
    expect(backups.VERSION).toBe(version === '2.8.10' ? 2 : 3);
    const args = version === '2.8.10' ? { notes: 'jujulib', 'keep-copy': true, 'no-download': true } : { notes: 'jujulib', 'no-download': false };
    // The generated facade classes type their params per version; the union is for this table-driven test.
    const meta = await (backups.create as (p: typeof args) => Promise<{ id: string; notes: string; checksum: string }>)(args);
    expect(meta).toMatchObject({ notes: 'jujulib', checksum: expect.any(String) });
    if (version === '2.8.10') {
      const list = await (backups as unknown as { list(p: object): Promise<{ list: Array<{ id: string }> }> }).list({});
      expect(list.list.map((b) => b.id)).toEqual([meta.id]);
    }
    client.logout();
  });

  it('surfaces a wrong password as jujulib does for a real controller', async () => {
    const client = await connect(`${sim.url}/api`, options(sim.caPem, false));
    await expect(client.login({ username: 'admin', password: 'wrong' }, version)).rejects.toThrow('Have you been granted permission to a model on this controller?');
    client.logout();
  });
});
