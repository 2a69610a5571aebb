import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from './seed-data';
import { createHarness, demoProjectId, faultOf, serviceUrl } from './test-support';

/** The published api-ref samples, copied into golden/ so the demo runs without ../shared. */
const golden = (name: string) => JSON.parse(readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const keys = (value: unknown) => Object.keys(value as object).sort();
type Obj = Record<string, unknown>;

/**
 * The samples were written before Trove's BackupView changed: they show storage_driver (which the server no longer
 * sends) and lack project_id (which it now sends). The simulator follows the server.
 */
const asServerSends = (sampleKeys: string[]) => [...sampleKeys.filter((k) => k !== 'storage_driver'), 'project_id'].sort();

describe('Trove golden shapes (published samples)', () => {
  it('backup create/get/list objects carry the sample keys, minus storage_driver, plus project_id', async () => {
    const sim = createHarness();
    const orders = seededInstanceId(demoProjectId, 'orders');
    const created = (await sim.call('POST', '/v1.0/{p}/backups', { body: { backup: { name: 'snapshot', instance: orders, incremental: 0 } } })).body as Obj;
    const createSample = golden('backup-create-response.json').backup as Obj;
    expect(keys(created.backup)).toEqual(asServerSends(keys(createSample)));
    expect(keys((created.backup as Obj).datastore)).toEqual(keys(createSample.datastore));

    const shown = (await sim.get(`/v1.0/{p}/backups/${seededBackupId(demoProjectId, 'snapshot')}`)).body as Obj;
    const getSample = golden('backup-get-response.json').backup as Obj;
    expect(keys(shown.backup)).toEqual(asServerSends(keys(getSample)));
    expect(shown.backup).toMatchObject({ name: getSample.name, description: getSample.description, size: getSample.size, status: 'COMPLETED', parent_id: null });

    const listed = (await sim.get('/v1.0/{p}/backups')).body as { backups: Obj[] };
    const listSample = golden('backup-list-response.json') as { backups: Obj[] };
    expect(keys(listed)).toEqual(keys(listSample));
    for (const backup of listed.backups) expect(keys(backup)).toEqual(asServerSends(keys(listSample.backups[0])));
    const incremental = listed.backups.find((b) => b.name === 'Incremental Snapshot');
    expect(incremental).toMatchObject({ description: 'My Incremental Backup', parent_id: seededBackupId(demoProjectId, 'snapshot') });

    const perInstance = (await sim.get(`/v1.0/{p}/instances/${orders}/backups`)).body as { backups: Obj[] };
    const perInstanceSample = golden('instance-backup-list-response.json') as { backups: Obj[] };
    expect(keys(perInstance.backups[0])).toEqual(asServerSends(keys(perInstanceSample.backups[0])));
  });

  it('instance create answers with the sample keys', async () => {
    const sim = createHarness();
    const body = {
      instance: { name: 'test', flavorRef: 2, volume: { size: 2 }, datastore: { type: 'mysql', version: '5.7' }, restorePoint: { backupRef: seededBackupId(demoProjectId, 'snapshot') } },
    };
    const created = (await sim.call('POST', '/v1.0/{p}/instances', { body })).body as { instance: Obj };
    const sample = golden('instance-create-response.json').instance as Obj;
    expect(keys(created.instance)).toEqual(keys(sample));
    expect(keys(created.instance.datastore)).toEqual(keys(sample.datastore));
    expect(keys(created.instance.flavor)).toEqual(keys(sample.flavor));
    expect((created.instance.links as Obj[]).map((l) => l.rel)).toEqual(['self', 'bookmark']);
  });

  it('backup strategies match the samples', async () => {
    const sim = createHarness();
    // The schema forbids other keys: posting the response shape back is a 400.
    const echoed = await sim.call('POST', '/v1.0/{p}/backup_strategies', { body: golden('backup-strategy-create-response.json') });
    expect(faultOf(echoed).message).toMatch(/^Validation error: backup_strategy Additional properties are not allowed \('project_id', 'backend' were unexpected\)/);
    const request = { backup_strategy: { instance_id: seededInstanceId(demoProjectId, 'orders'), swift_container: 'my_trove_backups' } };
    const response = await sim.call('POST', '/v1.0/{p}/backup_strategies', { body: request });
    expect(response.status).toBe(202);
    expect(keys((response.body as Obj).backup_strategy)).toEqual(keys(golden('backup-strategy-create-response.json').backup_strategy));
    const listed = (await sim.get('/v1.0/{p}/backup_strategies')).body as { backup_strategies: Obj[] };
    const listSample = golden('backup-strategy-list-response.json') as { backup_strategies: Obj[] };
    expect(listed.backup_strategies).toHaveLength(2);
    for (const strategy of listed.backup_strategies) expect(keys(strategy)).toEqual(keys(listSample.backup_strategies[0]));
    expect((await sim.call('DELETE', `/v1.0/{p}/backup_strategies?instance_id=${request.backup_strategy.instance_id}`)).status).toBe(202);
    expect(((await sim.get('/v1.0/{p}/backup_strategies')).body as { backup_strategies: Obj[] }).backup_strategies).toHaveLength(1);
  });

  it('serves the version documents without a token', async () => {
    const sim = createHarness();
    const sample = golden('versions-response.json') as { versions: Obj[] };
    for (const path of ['/', '']) {
      const response = await sim.call('GET', path, { as: null });
      expect(response.status).toBe(200);
      const expected = { versions: [{ ...sample.versions[0], links: [{ href: `${serviceUrl}/v1.0/`, rel: 'self' }] }] };
      expect(response.body).toEqual(expected);
    }
    expect(sim.service.isPublic('GET', '/v1.0')).toBe(true);
    expect(sim.service.isPublic('GET', '/v1.0/x/backups')).toBe(false);
    expect((await sim.call('GET', '/v1.0/{p}/backups', { as: null })).status).toBe(401);
  });
});
