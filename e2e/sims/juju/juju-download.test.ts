import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startJujuSim, type JujuSim } from './index';
import { connectRpc, downloadBackup, type RawRpcClient } from './test-rpc-client';

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('base64');

describe.each(['2.8.10', '3.6.14'] as const)('Juju %s archive download', (version) => {
  let sim: JujuSim;
  let client: RawRpcClient;
  const createArgs = version === '2.8.10' ? { notes: '', 'keep-copy': false, 'no-download': false } : { notes: '', 'no-download': false };
  const create = async () => (await client.call('Backups', version === '2.8.10' ? 2 : 3, 'Create', createArgs)).response as { id: string; filename: string; checksum: string; size: number };

  beforeAll(async () => {
    sim = await startJujuSim({ port: 0, version, timeScale: 0.005, seed: 4, archiveBytes: 300_000 });
    client = await connectRpc(sim, `/model/${sim.controllerModelUuid}/api`);
    await client.login('admin', sim.credentials.admin.password);
  });
  beforeEach(() => sim.reset());
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('streams the archive whose SHA-1 is the metadata checksum, once', async () => {
    const meta = await create();
    const first = await downloadBackup(sim, meta.filename);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/octet-stream');
    expect(first.headers['content-length']).toBeUndefined();
    expect(first.headers.digest).toBe(`SHA-256=${Buffer.from(meta.checksum).toString('base64')}`);
    expect(first.body.length).toBe(meta.size);
    expect(first.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(sha1(first.body)).toBe(meta.checksum);
    const again = await downloadBackup(sim, meta.filename);
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body.toString())).toMatchObject({ code: 'not found' });
    expect(sim.state.downloads).toHaveLength(1);
  });

  it('requires Content-Type application/json', async () => {
    const meta = await create();
    const res = await downloadBackup(sim, meta.filename, { contentType: 'text/plain' });
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body.toString())).toEqual({ message: 'expected Content-Type "application/json", got "text/plain"', code: '' });
  });

  it('requires HTTP Basic with the user tag and a superuser', async () => {
    const meta = await create();
    const noAuth = await downloadBackup(sim, meta.filename, { auth: null });
    expect(noAuth.status).toBe(401);
    const plainName = await downloadBackup(sim, meta.filename, { auth: `admin:${sim.credentials.admin.password}` });
    expect(JSON.parse(plainName.body.toString())).toEqual({ message: 'invalid entity name or password', code: 'unauthorized access' });
    const bob = await downloadBackup(sim, meta.filename, { auth: `user-bob:${sim.credentials.nonSuperuser.password}` });
    expect([bob.status, JSON.parse(bob.body.toString()).message]).toEqual([401, 'permission denied']);
    const post = await downloadBackup(sim, meta.filename, { method: 'POST' });
    expect([post.status, JSON.parse(post.body.toString())]).toEqual([405, { message: 'unsupported method: "POST"', code: 'method not allowed' }]);
  });

  it('serves a different archive under wrongChecksum and cuts the stream at dropDownloadAt', async () => {
    sim.faults.wrongChecksum = 1;
    const meta = await create();
    const wrong = await downloadBackup(sim, meta.filename);
    expect(wrong.body.length).toBe(meta.size);
    expect(sha1(wrong.body)).not.toBe(meta.checksum);
    const next = await create();
    sim.faults.dropDownloadAt = 100_000;
    const cut = await downloadBackup(sim, next.filename);
    expect(cut.aborted).toBe(true);
    expect(cut.body.length).toBeLessThanOrEqual(100_000);
    expect(sim.state.pendingFiles).toContain(next.filename);
  });

  it.runIf(version === '2.8.10')('2.8 serves a kept backup by id, repeatedly', async () => {
    const kept = (await client.call('Backups', 2, 'Create', { notes: '', 'keep-copy': true, 'no-download': true })).response as { id: string; checksum: string };
    for (let i = 0; i < 2; i++) expect(sha1((await downloadBackup(sim, kept.id)).body)).toBe(kept.checksum);
  });

  it.runIf(version === '3.6.14')('3.6 wants the absolute filename, not the id', async () => {
    const meta = await create();
    const byId = await downloadBackup(sim, meta.id);
    expect([byId.status, JSON.parse(byId.body.toString()).code]).toEqual([400, 'not valid']);
  });
});
