import { beforeEach, describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from './seed-data';
import { createHarness, demoProjectId, faultOf, serviceUrl, type TroveHarness } from './test-support';
import type { TroveBackup, TroveFlavor, TroveInstance } from './types';

let sim: TroveHarness;
beforeEach(() => {
  sim = createHarness();
});

const nightly = seededBackupId(demoProjectId, 'nightly');
const restoreBody = (backupRef: string, overrides: Record<string, unknown> = {}) => ({
  instance: { name: 'orders-restored', flavorRef: 2, volume: { size: 5 }, datastore: { type: 'mysql', version: '5.7' }, restorePoint: { backupRef }, ...overrides },
});
const restore = (body: unknown) => sim.call('POST', '/v1.0/{p}/instances', { body });
const showInstance = async (id: string) => (await sim.get<{ instance: TroveInstance }>(`/v1.0/{p}/instances/${id}`)).body.instance;

describe('Trove restore (create instance from a backup)', () => {
  it('answers 200 with a BUILD instance that becomes ACTIVE', async () => {
    const response = await restore(restoreBody(nightly));
    expect(response.status).toBe(200);
    const instance = (response.body as { instance: TroveInstance }).instance;
    expect(instance).toMatchObject({ name: 'orders-restored', status: 'BUILD', operating_status: '', region: 'RegionOne', volume: { size: 5 } });
    expect(instance.datastore).toEqual({ type: 'mysql', version: '5.7', version_number: '5.7.29' });
    expect(instance.flavor.id).toBe('2');
    expect(instance.links[0]).toEqual({ rel: 'self', href: `${serviceUrl}/v1.0/${demoProjectId}/instances/${instance.id}` });
    sim.clock.advance(3_000);
    expect((await showInstance(instance.id)).status).toBe('BUILD');
    sim.clock.advance(3_000);
    const active = await showInstance(instance.id);
    expect(active).toMatchObject({ status: 'ACTIVE', operating_status: 'HEALTHY' });
    expect(active.ip).toHaveLength(1);
    expect(sim.service.world.instances(demoProjectId).find((i) => i.id === instance.id)?.restoredFrom).toBe(nightly);
  });

  it('accepts a backup href as backupRef', async () => {
    const response = await restore(restoreBody(`${serviceUrl}/v1.0/${demoProjectId}/backups/${nightly}`));
    expect(response.status).toBe(200);
  });

  it('ends in ERROR under restoreFails', async () => {
    sim.service.world.faults.restoreFails = true;
    const instance = ((await restore(restoreBody(nightly))).body as { instance: TroveInstance }).instance;
    sim.clock.advance(10_000);
    expect((await showInstance(instance.id)).status).toBe('ERROR');
  });

  it('refuses an unfinished backup with 409 conflict', async () => {
    const orders = seededInstanceId(demoProjectId, 'orders');
    const running = ((await sim.call('POST', '/v1.0/{p}/backups', { body: { backup: { name: 'now', instance: orders } } })).body as { backup: TroveBackup }).backup;
    const response = await restore(restoreBody(running.id));
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ conflict: { code: 409, message: `Unable to create instance because backup ${running.id} is not completed. Actual state: NEW.` } });
    const failed = seededBackupId(demoProjectId, 'billingFailed');
    expect(faultOf(await restore(restoreBody(failed, { datastore: { type: 'mysql', version: '8.0' } }))).message).toContain('Actual state: FAILED.');
  });

  it('refuses a volume smaller than the backup with 403 (BackupTooLarge)', async () => {
    const analytics = seededBackupId(demoProjectId, 'analyticsFull');
    const response = await restore(restoreBody(analytics, { volume: { size: 2 }, datastore: { type: 'postgresql' } }));
    expect(faultOf(response)).toEqual({
      name: 'forbidden',
      code: 403,
      message: 'Backup is too large for given flavor or volume. Backup size: 2.75 GBs. Available size: 2 GBs.',
    });
  });

  it('refuses an unknown backup (404), another datastore (400), an unknown flavor (400), a missing volume (400)', async () => {
    expect(faultOf(await restore(restoreBody('11111111-2222-4333-a444-555555555555'))).code).toBe(404);
    expect(faultOf(await restore(restoreBody(nightly, { datastore: { type: 'postgresql' } })))).toMatchObject({
      code: 400,
      message: 'The datastore from which the backup was taken, mysql, does not match the destination datastore of postgresql.',
    });
    expect(faultOf(await restore(restoreBody(nightly, { flavorRef: '99' })))).toEqual({ name: 'badRequest', code: 400, message: 'Resource 99 cannot be found.' });
    expect(faultOf(await restore(restoreBody(nightly, { volume: undefined })))).toEqual({ name: 'badRequest', code: 400, message: 'Volume size was not specified.' });
    expect(faultOf(await restore(restoreBody(nightly, { datastore: { type: 'mysql', version: '12' } }))).message).toBe("Datastore 'mysql' has no version '12'.");
  });

  it('lists and deletes instances; a building one cannot be deleted yet', async () => {
    const listed = await sim.get<{ instances: TroveInstance[] }>('/v1.0/{p}/instances');
    expect(listed.body.instances.map((i) => [i.name, i.status])).toEqual([
      ['legacy-db', 'ERROR'],
      ['orders-db', 'ACTIVE'],
      ['billing-db', 'ACTIVE'],
      ['analytics-pg', 'ACTIVE'],
    ]);
    const instance = ((await restore(restoreBody(nightly))).body as { instance: TroveInstance }).instance;
    expect(faultOf(await sim.call('DELETE', `/v1.0/{p}/instances/${instance.id}`)).code).toBe(422);
    sim.clock.advance(10_000);
    expect((await sim.call('DELETE', `/v1.0/{p}/instances/${instance.id}`)).status).toBe(202);
    expect((await sim.get(`/v1.0/{p}/instances/${instance.id}`)).status).toBe(404);
  });
});

describe('Trove catalog for the restore form', () => {
  it('lists flavors with numeric ids as numbers and str_id always', async () => {
    const { body } = await sim.get<{ flavors: TroveFlavor[] }>('/v1.0/{p}/flavors');
    expect(body.flavors.map((f) => [f.id, f.str_id, f.name])).toEqual([
      [2, '2', 'ds2G'],
      [3, '3', 'ds4G'],
      [null, '3ca76fe7-8dc1-4059-b728-de725835abcb', 'd2.medium'],
    ]);
    expect(Object.keys(body.flavors[0]).sort()).toEqual(['disk', 'ephemeral', 'id', 'links', 'name', 'ram', 'str_id', 'vcpus']);
  });

  it('lists datastores with versions, and versions per datastore by name or id', async () => {
    const { body } = await sim.get<{ datastores: Array<{ id: string; name: string; versions: Array<{ name: string }> }> }>('/v1.0/{p}/datastores');
    expect(body.datastores.map((d) => [d.name, d.versions.map((v) => v.name)])).toEqual([
      ['mysql', ['5.7', '8.0']],
      ['postgresql', ['12']],
    ]);
    const versions = await sim.get<{ versions: Array<{ name: string; datastore: string }> }>('/v1.0/{p}/datastores/mysql/versions');
    expect(versions.body.versions.map((v) => v.name)).toEqual(['5.7', '8.0']);
    expect(versions.body.versions[0].datastore).toBe(body.datastores[0].id);
    expect((await sim.get(`/v1.0/{p}/datastores/${body.datastores[1].id}/versions`)).status).toBe(200);
    expect(faultOf(await sim.get('/v1.0/{p}/datastores/redis/versions')).code).toBe(404);
  });
});
