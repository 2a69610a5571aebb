import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { until } from '../common/until';
import { startPiecesSim, type BackupsStreamedProgress, type PiecesSim } from '.';

let sim: PiecesSim;
beforeAll(async () => {
  sim = await startPiecesSim({ port: 0, timeScale: 0.1, seed: 7 });
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const call = (path: string, init: RequestInit = {}) => fetch(`${sim.url}${path}`, init);
const post = (path: string, body?: unknown) =>
  call(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } });

async function textOf(res: Response) {
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('Pieces OS simulator: wire', () => {
  it('answers health and version as text', async () => {
    expect((await call('/.well-known/health', { method: 'HEAD' })).status).toBe(200);
    expect(await textOf(await call('/.well-known/health'))).toMatchObject({ status: 200, text: 'ok' });
    expect(await textOf(await call('/.well-known/version'))).toMatchObject({ status: 200, type: expect.stringContaining('text/plain'), text: '11.2.0' });
  });

  it('lists six seeded Backups with the wire keys, ids version_timestamp', async () => {
    const body = (await (await call('/backups')).json()) as { iterable: Array<Record<string, unknown>> };
    expect(body.iterable).toHaveLength(6);
    for (const backup of body.iterable) {
      expect(Object.keys(backup).sort()).toEqual(['bytes', 'created', 'device_name', 'id', 'platform', 'schema', 'timestamp', 'version']);
      expect(backup.id).toBe(`${backup.version}_${backup.timestamp}`);
      expect((backup.created as { value: string }).value).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    }
    const sizes = new Set(body.iterable.map((b) => b.bytes));
    expect(sizes.size).toBe(6);
  });

  it('runs a creation INITIALIZED -> IN-PROGRESS -> COMPLETED, then lists it and forgets its status', async () => {
    const created = await post('/backups/create', {});
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const seen = new Set<string>();
    const percentages: number[] = [];
    await until(async () => {
      const res = await call(`/backup/${id}/creation/status`);
      const status = (await res.json()) as { value: string; percentage: number; backup: { id: string } };
      expect(status.backup.id).toBe(id);
      seen.add(status.value);
      percentages.push(status.percentage);
      return status.value === 'COMPLETED' ? true : undefined;
    }, 'the creation to complete');
    expect([...seen]).toEqual(expect.arrayContaining(['IN-PROGRESS', 'COMPLETED']));
    expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
    expect(percentages.at(-1)).toBe(100);
    expect((await call(`/backup/${id}`)).status).toBe(200);
    const gone = await until(async () => {
      const res = await call(`/backup/${id}/creation/status`);
      return res.status === 404 ? textOf(res) : (await res.body?.cancel(), undefined);
    }, 'the status to be forgotten');
    expect(gone.type).toContain('text/plain');
  });

  it('refuses a second creation while one runs, as text/plain 500', async () => {
    expect((await post('/backups/create', {})).status).toBe(200);
    const second = await textOf(await post('/backups/create', {}));
    expect(second).toMatchObject({ status: 500, type: expect.stringContaining('text/plain'), text: expect.stringContaining('already in progress') });
  });

  it('cancels a creation (204, CANCELED, not listed); cancelling again is a 500', async () => {
    const { id } = (await (await post('/backups/create')).json()) as { id: string };
    expect((await post(`/backup/${id}/creation/cancel`)).status).toBe(204);
    const status = (await (await call(`/backup/${id}/creation/status`)).json()) as { value: string };
    expect(status.value).toBe('CANCELED');
    expect(sim.state.backups.map((b) => b.id)).not.toContain(id);
    expect(await textOf(await post(`/backup/${id}/creation/cancel`))).toMatchObject({ status: 500, type: expect.stringContaining('text/plain') });
    expect((await call('/backup/never_1/creation/status')).status).toBe(404);
  });

  it('restores, and a restoration cancel puts the original database back', async () => {
    const target = sim.state.backups[0];
    expect((await post(`/backup/${target.id}/restore`, target)).status).toBe(200);
    expect(sim.state.localDatabase.source).toBe(`restoring:${target.id}`);
    expect((await post(`/backup/${target.id}/restoration/cancel`, target)).status).toBe(204);
    expect(sim.state.localDatabase.source).toBe('original');
    expect((await post(`/backup/${target.id}/restoration/cancel`)).status).toBe(500);
    expect((await post('/backup/unknown_1/restore', {})).status).toBe(404);
  });

  it('with createBlocks, POST /backups/create answers only once the backup is done', async () => {
    sim.faults.createBlocks = true;
    const res = await post('/backups/create', {});
    const backup = (await res.json()) as { id: string };
    expect(res.status).toBe(200);
    expect(sim.state.backups.map((b) => b.id)).toContain(backup.id);
    expect(sim.state.creations.find((c) => c.id === backup.id)?.status).toBe('COMPLETED');
  });

  it('streams BackupsStreamedProgress frames keyed `status` over the WebSocket', async () => {
    const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/backups/streamed/progress`);
    const frames: BackupsStreamedProgress[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as BackupsStreamedProgress));
    await until(async () => (frames.length > 0 ? true : undefined), 'the first frame');
    expect(frames[0]).toMatchObject({ backups: [], restorations: [] });
    const { id } = (await (await post('/backups/create')).json()) as { id: string };
    await until(async () => (frames.some((f) => f.backups?.some((b) => b.backup?.id === id && b.status === 'COMPLETED')) ? true : undefined), 'a COMPLETED frame');
    const entries = frames.flatMap((f) => f.backups ?? []);
    expect(entries.some((e) => e.status === 'IN-PROGRESS' && (e.percentage ?? 0) > 0)).toBe(true);
    expect(entries.every((e) => !('value' in e))).toBe(true);
    ws.terminate();
    await until(async () => (sim.state.progressSubscribers === 0 ? true : undefined), 'the socket to be gone');
  });
});

describe('Pieces OS simulator: other endpoints', () => {
  it('deletes, backs up assets, serves assets', async () => {
    const [first] = sim.state.backups;
    expect((await post(`/backups/${first.id}/delete`)).status).toBe(204);
    expect((await post(`/backups/${first.id}/delete`)).status).toBe(404);
    const assets = (await (await call('/assets')).json()) as { iterable: Array<{ id: string }> };
    expect(assets.iterable.length).toBeGreaterThan(0);
    const asset = (await (await call(`/asset/${assets.iterable[0].id}`)).json()) as Record<string, unknown>;
    for (const key of ['id', 'created', 'updated', 'creator', 'mechanism', 'formats', 'original', 'preview']) expect(asset).toHaveProperty(key);
    expect((await post('/backup/asset', asset)).status).toBe(204);
    expect((await post('/backup', { iterable: [asset] })).status).toBe(204);
    expect(sim.state.assetBackups.map((a) => a.assetId)).toEqual([asset.id, asset.id]);
    expect((await call('/asset/nope')).status).toBe(404);
    expect((await call('/nothing-here')).status).toBe(404);
    expect((await call('/backups/create')).status).toBe(405);
  });
});

describe('Pieces OS simulator: faults and control API', () => {
  it('answers 511 and 505 as text on backup endpoints only', async () => {
    sim.faults.signedOut = true;
    expect(await textOf(await call('/backups'))).toMatchObject({ status: 511, type: expect.stringContaining('text/plain') });
    expect((await post('/backups/create')).status).toBe(511);
    expect((await call('/.well-known/health')).status).toBe(200);
    expect((await call('/assets')).status).toBe(200);
    sim.faults.tooOld = true;
    expect((await call(`/backup/${sim.state.backups[0].id}`)).status).toBe(505);
  });

  it('fails the next n requests, then recovers; a rate is seeded', async () => {
    sim.faults.fail5xx = 2;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('/backups')).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    sim.faults.fail5xx = 0.5;
    const mixed = [];
    for (let i = 0; i < 40; i++) mixed.push((await call('/.well-known/version')).status);
    expect(mixed).toContain(500);
    expect(mixed).toContain(200);
  });

  it('drops connections, sends malformed JSON, adds latency', async () => {
    sim.faults.dropConnections = 1;
    await expect(call('/backups')).rejects.toThrow();
    expect(sim.state.requests.at(-1)).toMatchObject({ path: '/backups', status: 'dropped' });
    sim.faults.malformedBodies = 1;
    await expect((await call('/backups')).json()).rejects.toThrow();
    sim.faults.latencyMs = 150;
    const started = Date.now();
    await call('/.well-known/version');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('is driven over HTTP by /__sim/ routes', async () => {
    const patched = await post('/__sim/faults', { signedOut: true, fail5xx: 3, pathPrefix: '/backup/' });
    expect(await patched.json()).toMatchObject({ signedOut: true, fail5xx: 3, pathPrefix: '/backup/' });
    expect(sim.faults.signedOut).toBe(true);
    expect((await post('/__sim/faults', { signedOut: 'yes' })).status).toBe(400);
    expect((await post('/__sim/faults', { noSuchSwitch: true })).status).toBe(400);
    const state = (await (await call('/__sim/state')).json()) as { backups: unknown[]; faults: { signedOut: boolean } };
    expect(state.backups).toHaveLength(6);
    expect(state.faults.signedOut).toBe(true);
    expect(((await (await post('/__sim/config', { timeScale: 0.2 })).json()) as { timeScale: number }).timeScale).toBe(0.2);
    await post('/__sim/reset');
    expect(sim.faults.signedOut).toBe(false);
    expect(sim.state.requests).toEqual([]);
    await post('/__sim/config', { timeScale: 0.1 });
  });

  it('closes promptly with open keep-alive and WebSocket connections', async () => {
    const other = await startPiecesSim({ port: 0 });
    await fetch(`${other.url}/backups`);
    const ws = new WebSocket(`${other.url.replace('http', 'ws')}/backups/streamed/progress`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closedSocket = new Promise((resolve) => ws.once('close', resolve));
    await other.close();
    await closedSocket;
    await expect(fetch(`${other.url}/backups`)).rejects.toThrow();
  });
});
