import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until } from '../common/until';
import type { ApplianceSim, WireBackup } from './index';
import { closeSimWithClient, startSimWithClient } from './sim-with-client';
import { errorId, type ApplianceTestClient } from './test-client';

const wireKeys = ['backup_time', 'description', 'hostname', 'id', 'model', 'serial', 'size', 'status', 'status_message', 'sw_version'];

describe('appliance npm.backup 1.0: list, get, create, delete', () => {
  let sim: ApplianceSim;
  let client: ApplianceTestClient;
  beforeAll(async () => {
    ({ sim, client } = await startSimWithClient({ timeScale: 0.02, seed: 3, seededBackupBytes: 32 * 1024 }));
  });
  beforeEach(async () => {
    sim.reset();
    await client.login();
  });
  afterAll(() => closeSimWithClient({ sim, client }));

  const completedSoon = (id: string) =>
    until(async () => {
      const reply = await client.api('GET', `/backups/items/${id}`);
      const backup = reply.json as WireBackup;
      return backup.status === 'started' ? undefined : backup;
    }, `backup ${id} to end`);

  it('lists the seeded backup with exactly the published keys', async () => {
    const items = await client.list();
    expect(items).toHaveLength(1);
    const [seeded] = items;
    expect(Object.keys(seeded).sort()).toEqual(wireKeys);
    expect(seeded).toMatchObject({ status: 'completed', model: 'SCAN-AR-VE', sw_version: '11.13.0', hostname: 'appresponse-sim', status_message: '' });
    expect(typeof seeded.id).toBe('string');
    expect(seeded.size).toBeGreaterThan(30 * 1024);
    expect(seeded.backup_time).toBeLessThan(Date.now() / 1000);
    expect((await client.api('GET', `/backups/items/${seeded.id}`)).json).toEqual(seeded);
    const missing = await client.api('GET', '/backups/items/nope');
    expect([missing.status, errorId(missing.json)]).toEqual([404, 'RESOURCE_NOT_FOUND']);
  });

  it('creates: 201 started, then completed with a size; delete answers 204 and 404 after', async () => {
    const created = await client.api('POST', '/backups', { json: { description: 'before change 42' } });
    expect(created.status).toBe(201);
    const started = created.json as WireBackup;
    expect(Object.keys(started).sort()).toEqual(wireKeys);
    expect(started).toMatchObject({ status: 'started', description: 'before change 42', size: 0 });
    const busy = await client.api('DELETE', `/backups/items/${started.id}`);
    expect([busy.status, errorId(busy.json)]).toEqual([400, 'BACKUP_NOT_READY']);
    const done = await completedSoon(started.id);
    expect(done.status).toBe('completed');
    expect(done.size).toBeGreaterThan(20 * 1024);
    expect((await client.list()).map((b) => b.id)).toContain(started.id);
    const deleted = await client.api('DELETE', `/backups/items/${started.id}`);
    expect([deleted.status, deleted.body.length]).toEqual([204, 0]);
    expect((await client.api('DELETE', `/backups/items/${started.id}`)).status).toBe(404);
    expect((await client.list()).map((b) => b.id)).not.toContain(started.id);
  });

  it('refuses a third backup with 400 BACKUP_LIMIT_REACHED, and descriptions over 250 characters', async () => {
    const long = await client.api('POST', '/backups', { json: { description: 'x'.repeat(251) } });
    expect([long.status, errorId(long.json)]).toEqual([400, 'INVALID_REQUEST']);
    expect((await client.api('POST', '/backups', { json: { description: 'x'.repeat(250) } })).status).toBe(201);
    const third = await client.api('POST', '/backups', { json: { description: 'third' } });
    expect(third.status).toBe(400);
    expect(third.json).toEqual({ error_id: 'BACKUP_LIMIT_REACHED', error_text: expect.stringMatching(/only two backups.*delete/i) });
    expect(await client.list()).toHaveLength(2);
  });

  it('createFails: the next create ends failed with that status_message (and it still counts)', async () => {
    sim.faults.createFails = 'Disk full (simulated)';
    const started = (await client.api('POST', '/backups', { json: { description: 'doomed' } })).json as WireBackup;
    expect(sim.faults.createFails).toBeUndefined();
    const ended = await completedSoon(started.id);
    expect(ended).toMatchObject({ status: 'failed', status_message: 'Disk full (simulated)' });
    const file = await client.api('GET', `/backups/items/${started.id}/file`);
    expect([file.status, errorId(file.json)]).toEqual([400, 'BACKUP_NOT_READY']);
    expect((await client.api('DELETE', `/backups/items/${started.id}`)).status).toBe(204);
  });

  it('serverErrors and unavailable answer 500/503 for the next N API calls, never for tokens', async () => {
    sim.faults.serverErrors = 2;
    sim.faults.unavailable = 1;
    expect((await client.login()).status).toBe(201);
    const first = await client.api('GET', '/backups');
    expect([first.status, first.json]).toEqual([500, { error_id: 'INTERNAL_ERROR', error_text: expect.any(String) }]);
    expect((await client.api('GET', '/restore_status')).status).toBe(500);
    const third = await client.api('GET', '/backups');
    expect([third.status, errorId(third.json)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect((await client.api('GET', '/backups')).status).toBe(200);
    expect(sim.faults).toMatchObject({ serverErrors: 0, unavailable: 0 });
    expect(sim.state.requests.slice(-4).map((r) => r.status)).toEqual([500, 500, 503, 200]);
  });

  it('restore_status is not_run before any restore; unknown routes 404, wrong methods 405', async () => {
    expect((await client.api('GET', '/restore_status')).json).toEqual({ last_restore_time: 0, status: 'not_run', status_message: '' });
    expect((await client.api('GET', '/nothing')).status).toBe(404);
    const wrong = await client.api('PUT', '/backups');
    expect([wrong.status, errorId(wrong.json)]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });
});
