import { beforeEach, describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from './seed-data';
import { createHarness, demoProjectId, faultOf, type TroveHarness } from './test-support';
import type { InstanceStatus, TroveBackup } from './types';

let sim: TroveHarness;
beforeEach(() => {
  sim = createHarness();
});

const orders = seededInstanceId(demoProjectId, 'orders');
const create = (backup: Record<string, unknown>) => sim.call('POST', '/v1.0/{p}/backups', { body: { backup } });
const show = async (id: string) => (await sim.get<{ backup: TroveBackup }>(`/v1.0/{p}/backups/${id}`)).body.backup;
const instanceStatus = async (id: string) => (await sim.get<{ instance: { status: InstanceStatus } }>(`/v1.0/{p}/instances/${id}`)).body.instance.status;

describe('Trove backup create', () => {
  it('answers 202 NEW, then moves BUILDING -> SAVING -> COMPLETED with size and locationRef, the instance in BACKUP meanwhile', async () => {
    const response = await create({ name: 'manual-1', instance: orders, description: 'before upgrade' });
    expect(response.status).toBe(202);
    const created = (response.body as { backup: TroveBackup }).backup;
    expect(created).toMatchObject({ status: 'NEW', size: null, locationRef: null, parent_id: null, instance_id: orders, project_id: demoProjectId });
    expect(created.datastore).toEqual({ type: 'mysql', version: '5.7', version_id: 'b3d5c099-dbd5-4518-baa3-7c7c195671bf' });
    expect(await instanceStatus(orders)).toBe('BACKUP');
    const seen: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      sim.clock.advance(500);
      seen.push((await show(created.id)).status);
    }
    expect([...new Set(seen)]).toEqual(['NEW', 'BUILDING', 'SAVING', 'COMPLETED']);
    const done = await show(created.id);
    expect(done.size).toBeGreaterThan(0);
    expect(done.locationRef).toContain(created.id);
    expect(done.updated > done.created).toBe(true);
    expect(await instanceStatus(orders)).toBe('ACTIVE');
  });

  it('scales the timeline with env.timeScale', async () => {
    sim = createHarness({ timeScale: 0.1 });
    const created = ((await create({ name: 'fast', instance: orders })).body as { backup: TroveBackup }).backup;
    sim.clock.advance(500);
    expect((await show(created.id)).status).toBe('COMPLETED');
  });

  it('refuses a second backup while one runs with 422 (instance status was BACKUP)', async () => {
    expect((await create({ name: 'first', instance: orders })).status).toBe(202);
    const second = await create({ name: 'second', instance: orders });
    expect(second.status).toBe(422);
    expect(second.body).toEqual({
      unprocessableEntity: {
        code: 422,
        message: `Instance ${orders} is not currently available for an action to be performed (instance status was BACKUP).`,
      },
    });
  });

  it('refuses an instance in ERROR with 422 and an unknown one with 404', async () => {
    const legacy = seededInstanceId(demoProjectId, 'legacy');
    expect(faultOf(await create({ name: 'x', instance: legacy }))).toEqual({
      name: 'unprocessableEntity',
      code: 422,
      message: `Instance ${legacy} is not currently available for an action to be performed (instance status was ERROR).`,
    });
    sim.service.world.setInstanceStatus(orders, 'REBOOT');
    expect(faultOf(await create({ name: 'x', instance: orders })).message).toContain('(instance status was REBOOT)');
    const unknown = '11111111-2222-4333-a444-555555555555';
    expect(faultOf(await create({ name: 'x', instance: unknown }))).toEqual({ name: 'itemNotFound', code: 404, message: `Resource ${unknown} cannot be found.` });
  });

  it('makes incremental=1 a child of the latest completed backup, incremental=0 a full one', async () => {
    const incremental = ((await create({ name: 'inc', instance: orders, incremental: 1 })).body as { backup: TroveBackup }).backup;
    expect(incremental.parent_id).toBe(seededBackupId(demoProjectId, 'nightlyIncr'));
    sim.clock.advance(10_000);
    const full = ((await create({ name: 'full', instance: orders, incremental: 0 })).body as { backup: TroveBackup }).backup;
    expect(full.parent_id).toBeNull();
    sim.clock.advance(10_000);
    const explicit = ((await create({ name: 'child', instance: orders, parent_id: full.id })).body as { backup: TroveBackup }).backup;
    expect(explicit.parent_id).toBe(full.id);
  });

  it('validates like the JSON schema: a boolean incremental, a bad name, a missing name are 400', async () => {
    expect(faultOf(await create({ name: 'b', instance: orders, incremental: true }))).toEqual({
      name: 'badRequest',
      code: 400,
      message: "Validation error: backup['incremental'] True is not of type 'integer'",
    });
    expect(faultOf(await create({ name: '---', instance: orders })).message).toBe("Validation error: backup['name'] '---' does not match '^.*[0-9a-zA-Z]+.*$'");
    expect(faultOf(await create({ instance: orders })).message).toBe("Validation error: backup 'name' is a required property");
    expect(faultOf(await create({ name: 'x', instance: 'not-a-uuid' })).message).toContain("backup['instance'] 'not-a-uuid' does not match");
    expect(faultOf(await create({ name: 'x' }))).toEqual({ name: 'badRequest', code: 400, message: 'instance is missing.' });
    expect(faultOf(await create({ name: 'x', instance: orders, parent_id: '11111111-2222-4333-a444-555555555555' })).code).toBe(404);
  });

  it('answers a body without "backup" with the 500 real Trove gives, and a non-JSON body with 400', async () => {
    const rootError = await sim.call('POST', '/v1.0/{p}/backups', { body: { name: 'x' } });
    expect(faultOf(rootError)).toMatchObject({ name: 'instanceFault', code: 500 });
    const malformed = await sim.call('POST', '/v1.0/{p}/backups', { body: { raw: '{nope' } });
    expect(faultOf(malformed)).toEqual({ name: 'badRequest', code: 400, message: 'Malformed request body' });
  });

  it('ends FAILED under createFails, and answers 501 under notImplemented', async () => {
    sim.service.world.faults.createFails = 1;
    const failing = ((await create({ name: 'doomed', instance: orders })).body as { backup: TroveBackup }).backup;
    sim.clock.advance(10_000);
    expect(await show(failing.id)).toMatchObject({ status: 'FAILED', size: null, locationRef: null });
    expect(sim.service.world.faults.createFails).toBe(false);
    sim.service.world.faults.notImplemented = true;
    expect(faultOf(await create({ name: 'x', instance: orders }))).toEqual({
      name: 'notImplemented',
      code: 501,
      message: "The 'backup_create' operation is not supported for the 'mysql' datastore.",
    });
  });
});

describe('Trove backup delete', () => {
  it('deletes a backup with its incremental children and grandchildren (202)', async () => {
    const root = seededBackupId(demoProjectId, 'snapshot');
    const response = await sim.call('DELETE', `/v1.0/{p}/backups/${root}`);
    expect(response).toEqual({ status: 202, body: undefined });
    const names = sim.service.world.backups(demoProjectId).map((b) => b.name);
    expect(names).not.toContain('snapshot');
    expect(names).not.toContain('Incremental Snapshot');
    expect(names).not.toContain('orders-incr-2');
    expect(names).toContain('orders-nightly');
    expect((await sim.call('DELETE', `/v1.0/{p}/backups/${root}`)).status).toBe(404);
  });

  it('refuses to delete a running backup with 422, and deletes it once it completed', async () => {
    const created = ((await create({ name: 'busy', instance: orders })).body as { backup: TroveBackup }).backup;
    const refused = await sim.call('DELETE', `/v1.0/{p}/backups/${created.id}`);
    expect(refused.body).toEqual({ unprocessableEntity: { code: 422, message: `Backup ${created.id} cannot be deleted because it is running.` } });
    sim.clock.advance(10_000);
    expect((await sim.call('DELETE', `/v1.0/{p}/backups/${created.id}`)).status).toBe(202);
  });

  it('refuses to delete a parent whose incremental child is still running', async () => {
    const parent = seededBackupId(demoProjectId, 'nightlyIncr');
    const child = ((await create({ name: 'inc', instance: orders, incremental: 1 })).body as { backup: TroveBackup }).backup;
    expect(child.parent_id).toBe(parent);
    const refused = await sim.call('DELETE', `/v1.0/{p}/backups/${parent}`);
    expect(faultOf(refused)).toMatchObject({ code: 422, message: `Backup ${child.id} cannot be deleted because it is running.` });
    expect(sim.service.world.backups(demoProjectId).some((b) => b.id === parent)).toBe(true);
  });
});
