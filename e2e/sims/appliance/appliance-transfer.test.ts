import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../common/until';
import { readArchiveMeta, writeBackupArchive, type ApplianceSim, type ArchiveMeta, type WireBackup } from './index';
import { closeSimWithClient, startSimWithClient } from './sim-with-client';
import { errorId, type ApplianceTestClient } from './test-client';

describe('appliance backup files: download and upload', () => {
  let sim: ApplianceSim;
  let client: ApplianceTestClient;
  let dataDir: string;
  let work: string;
  /** A real .tgz from another box of the same version, ~96 KiB. */
  let foreign: Buffer;
  let olderVersion: Buffer;

  const meta = (overrides: Partial<ArchiveMeta> = {}): ArchiveMeta => ({
    hostname: 'other-box',
    model: 'SCAN-AR-VE',
    serial: 'VEOTHER00001',
    sw_version: '11.13.0',
    backup_time: 1_700_000_000,
    description: 'carried over',
    ...overrides,
  });
  const incoming = () => readdirSync(join(dataDir, 'incoming'));
  const upload = (body: Buffer | Readable, contentType = 'application/octet-stream', signal?: AbortSignal) =>
    client.api('POST', '/backups/upload', { body, contentType, signal });
  const settled = (id: string) =>
    until(async () => {
      const backup = (await client.api('GET', `/backups/items/${id}`)).json as WireBackup;
      return backup.status === 'completed' ? backup : undefined;
    }, `backup ${id} to complete`);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'appliance-test-'));
    dataDir = join(work, 'data');
    ({ sim, client } = await startSimWithClient({ timeScale: 0.02, seed: 9, seededBackupBytes: 64 * 1024, dataDir }));
    await writeBackupArchive(join(work, 'foreign.tgz'), meta(), 96 * 1024, 77);
    await writeBackupArchive(join(work, 'older.tgz'), meta({ sw_version: '11.12.0' }), 8 * 1024, 78);
    foreign = readFileSync(join(work, 'foreign.tgz'));
    olderVersion = readFileSync(join(work, 'older.tgz'));
  });
  beforeEach(async () => {
    sim.reset();
    await client.login();
  });
  afterAll(async () => {
    await closeSimWithClient({ sim, client });
    rmSync(work, { recursive: true, force: true });
  });

  it('streams a completed backup as application/x-gzip with its exact length, a real .tgz', async () => {
    const [seeded] = await client.list();
    const file = await client.download(seeded.id);
    expect(file.error).toBeUndefined();
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/x-gzip');
    expect(Number(file.headers['content-length'])).toBe(seeded.size);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="appresponse-sim-${seeded.id}.backup.tgz"`);
    expect(file.body.length).toBe(seeded.size);
    expect([...file.body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const tar = gunzipSync(file.body);
    expect(tar.subarray(0, 16).toString()).toBe('backup_info.json');
    expect(readArchiveMeta(file.body)).toMatchObject({ hostname: seeded.hostname, serial: seeded.serial, sw_version: '11.13.0', backup_time: seeded.backup_time });
    expect((await client.download(seeded.id)).body.equals(file.body)).toBe(true);
  });

  it('uploads a gzip file: 201 uploading with the received size, completed later, and downloads byte for byte', async () => {
    await client.api('DELETE', `/backups/items/${(await client.list())[0].id}`);
    const reply = await upload(foreign);
    expect(reply.status).toBe(201);
    const uploaded = reply.json as WireBackup;
    expect(uploaded).toMatchObject({ status: 'uploading', size: foreign.length, hostname: 'other-box', serial: 'VEOTHER00001', description: 'carried over', backup_time: 1_700_000_000 });
    await settled(uploaded.id);
    const back = await client.download(uploaded.id);
    expect(back.body.equals(foreign)).toBe(true);
    expect(incoming()).toEqual([]);
  });

  it('refuses bodies that are empty or not gzip (400), other content types (415) and a third backup (400)', async () => {
    const bad = await upload(Buffer.from('PK\x03\x04 this is a zip, not a tgz'));
    expect([bad.status, errorId(bad.json)]).toEqual([400, 'INVALID_BACKUP_FILE']);
    const empty = await upload(Buffer.alloc(0));
    expect([empty.status, errorId(empty.json)]).toEqual([400, 'INVALID_BACKUP_FILE']);
    const json = await upload(foreign, 'application/json');
    expect([json.status, errorId(json.json)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await client.list()).toHaveLength(1);
    expect((await upload(foreign)).status).toBe(201);
    const third = await upload(foreign);
    expect([third.status, errorId(third.json)]).toEqual([400, 'BACKUP_LIMIT_REACHED']);
    expect(await client.list()).toHaveLength(2);
    await until(async () => (incoming().length === 0 ? true : undefined), 'no partial files');
  });

  it('refuses to restore a backup of another software version (400 SW_VERSION_MISMATCH)', async () => {
    const uploaded = (await upload(olderVersion)).json as WireBackup;
    expect(uploaded.sw_version).toBe('11.12.0');
    await settled(uploaded.id);
    const restore = await client.api('POST', `/backups/items/${uploaded.id}/restore`);
    expect([restore.status, errorId(restore.json)]).toEqual([400, 'SW_VERSION_MISMATCH']);
    expect(sim.state.rebootPhase).toBe('none');
  });

  it('dropDownloadAfterBytes: 200 with the full Content-Length, that many bytes, then the connection closes', async () => {
    const [seeded] = await client.list();
    sim.faults.dropDownloadAfterBytes = 10_000;
    const cut = await client.download(seeded.id);
    expect(cut.status).toBe(200);
    expect(Number(cut.headers['content-length'])).toBe(seeded.size);
    expect(cut.error).toBeDefined();
    expect(cut.body.length).toBe(10_000);
    expect(sim.faults.dropDownloadAfterBytes).toBeUndefined();
    expect((await client.download(seeded.id)).body.length).toBe(seeded.size);
  });

  it('dropUploadAfterBytes: the socket dies mid-body, nothing is listed and no partial file stays', async () => {
    sim.faults.dropUploadAfterBytes = 20_000;
    await expect(upload(foreign)).rejects.toThrow();
    expect(sim.faults.dropUploadAfterBytes).toBeUndefined();
    expect(await client.list()).toHaveLength(1);
    await until(async () => (incoming().length === 0 ? true : undefined), 'the partial file to go');
  });

  it('a client abort mid-body leaves nothing behind and frees the slot', async () => {
    const controller = new AbortController();
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent === 0) {
          this.push(foreign.subarray(0, 16 * 1024));
          sent += 16 * 1024;
        } else if (sent === 16 * 1024) {
          sent += 1;
          setTimeout(() => controller.abort(), 50);
        }
      },
    });
    await expect(upload(body, 'application/octet-stream', controller.signal)).rejects.toThrow();
    await until(async () => (incoming().length === 0 && sim.state.requests.at(-1)?.status === 0 ? true : undefined), 'the aborted upload to be cleaned up');
    expect(await client.list()).toHaveLength(1);
    expect((await upload(foreign)).status).toBe(201);
  });

  it('slowLinkBytesPerSecond throttles downloads and uploads', async () => {
    const [seeded] = await client.list();
    const rate = 128 * 1024;
    sim.faults.slowLinkBytesPerSecond = rate;
    let started = Date.now();
    const file = await client.download(seeded.id);
    const downSeconds = (Date.now() - started) / 1000;
    expect(file.body.length).toBe(seeded.size);
    expect(downSeconds).toBeGreaterThan((0.6 * seeded.size) / rate);
    started = Date.now();
    expect((await upload(foreign)).status).toBe(201);
    const upSeconds = (Date.now() - started) / 1000;
    expect(upSeconds).toBeGreaterThan((0.6 * foreign.length) / rate);
    delete sim.faults.slowLinkBytesPerSecond;
    started = Date.now();
    await client.download(seeded.id);
    expect((Date.now() - started) / 1000).toBeLessThan(downSeconds);
  });
});
