import { describe, expect, it } from 'vitest';
import { seededInstanceId } from './seed-data';
import { createHarness, demoProjectId, faultOf } from './test-support';
import type { TroveBackup } from './types';

describe('Trove error bodies', () => {
  it('are {"<name>": {code, message}} for unknown routes, fail5xx and wrong methods', async () => {
    const sim = createHarness();
    const unknown = await sim.get('/v1.0/{p}/clusters');
    expect(unknown).toEqual({ status: 404, body: { itemNotFound: { code: 404, message: 'The resource could not be found.' } } });
    expect((await sim.call('PUT', '/v1.0/{p}/backups')).status).toBe(404);
    sim.service.world.faults.fail5xx = 1;
    const failed = await sim.get('/v1.0/{p}/backups');
    expect(failed.status).toBe(500);
    expect(faultOf(failed).name).toBe('instanceFault');
    expect((await sim.get('/v1.0/{p}/backups')).status).toBe(200);
  });
});

describe('Trove control API', () => {
  it('reports state, patches faults, validates patches, and resets', () => {
    const sim = createHarness();
    sim.service.world.ensureProject(demoProjectId);
    const state = sim.service.control('GET', '/state', undefined) as { status: number; body: { projects: string[]; backups: unknown[] } };
    expect(state.status).toBe(200);
    expect(state.body.projects).toEqual([demoProjectId]);
    expect(state.body.backups).toHaveLength(10);
    expect(sim.service.control('PATCH', '/faults', { createFails: 2, notImplemented: true })).toMatchObject({ status: 200, body: { createFails: 2, notImplemented: true } });
    expect(sim.service.world.faults.createFails).toBe(2);
    expect(sim.service.control('PATCH', '/faults', { bogus: true })?.status).toBe(400);
    expect(sim.service.control('POST', '/reset', undefined)?.status).toBe(200);
    expect(sim.service.world.faults.createFails).toBe(false);
    expect(sim.service.world.projects()).toEqual([]);
    expect(sim.service.control('GET', '/nothing', undefined)).toBeUndefined();
  });

  it('seeds backups and sets an instance status', async () => {
    const sim = createHarness();
    const seeded = sim.service.control('POST', '/seed', { count: 3, projectId: demoProjectId, replace: true }) as { status: number; body: { backups: TroveBackup[] } };
    expect(seeded.body.backups.map((b) => b.name)).toEqual(['bulk-backup-001', 'bulk-backup-002', 'bulk-backup-003']);
    expect(sim.service.world.backups(demoProjectId)).toHaveLength(3);
    const orders = seededInstanceId(demoProjectId, 'orders');
    expect(sim.service.control('POST', `/instances/${orders}/status`, { status: 'ERROR' })?.status).toBe(200);
    expect(sim.service.world.instances(demoProjectId).find((i) => i.id === orders)?.status).toBe('ERROR');
    const refused = await sim.call('POST', '/v1.0/{p}/backups', { body: { backup: { name: 'x', instance: orders } } });
    expect(faultOf(refused).message).toContain('(instance status was ERROR)');
    expect(sim.service.control('POST', '/instances/nope/status', { status: 'ACTIVE' })?.status).toBe(404);
    expect(sim.service.control('POST', '/seed', { count: 1 })?.status).toBe(400);
  });

  it('seeds each project lazily with its own ids', async () => {
    const sim = createHarness();
    await sim.get('/v1.0/{p}/backups', { as: 'admin' });
    await sim.get('/v1.0/{p}/backups');
    const [admin, demo] = sim.service.world.projects().map((p) => sim.service.world.instances(p).map((i) => i.id));
    expect(admin).toHaveLength(4);
    expect(demo).toHaveLength(4);
    expect(admin.some((id) => demo.includes(id))).toBe(false);
  });
});
