import { beforeEach, describe, expect, it } from 'vitest';
import { seededInstanceId } from './seed-data';
import { adminProjectId, createHarness, demoProjectId, faultOf, serviceUrl, type TroveHarness } from './test-support';
import type { TroveBackup, TroveLink } from './types';

type BackupList = { backups: TroveBackup[]; links?: TroveLink[] };

let sim: TroveHarness;
beforeEach(() => {
  sim = createHarness();
});

const list = (query = '', as: 'demo' | 'admin' = 'demo') => sim.get<BackupList>(`/v1.0/{p}/backups${query}`, { as });

describe('Trove backups list', () => {
  it('lists the seeded backups of the caller project, newest updated first, without links when the page is not full', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.links).toBeUndefined();
    expect(body.backups.length).toBe(10);
    const updated = body.backups.map((b) => b.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(new Set(body.backups.map((b) => b.project_id))).toEqual(new Set([demoProjectId]));
    expect(body.backups[0].updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('pages 45 backups with limit 20 into 20, 20 and 5, markers being offsets', async () => {
    sim.service.world.seedBackups(45, demoProjectId, { replace: true });
    const first = await list('?limit=20');
    expect(first.body.backups).toHaveLength(20);
    expect(first.body.links).toEqual([{ rel: 'next', href: `${serviceUrl}/v1.0/${demoProjectId}/backups?limit=20&marker=20` }]);
    const second = await list('?limit=20&marker=20');
    expect(second.body.backups).toHaveLength(20);
    expect(second.body.links?.[0].href).toBe(`${serviceUrl}/v1.0/${demoProjectId}/backups?limit=20&marker=40`);
    const third = await list('?limit=20&marker=40');
    expect(third.body.backups).toHaveLength(5);
    expect(third.body.links).toBeUndefined();
    const ids = [...first.body.backups, ...second.body.backups, ...third.body.backups].map((b) => b.id);
    expect(new Set(ids).size).toBe(45);
  });

  it('sends a next link for every full page, so 40 backups end with an empty third page', async () => {
    sim.service.world.seedBackups(40, demoProjectId, { replace: true });
    expect((await list()).body.backups).toHaveLength(20);
    const second = await list('?marker=20');
    expect(second.body.backups).toHaveLength(20);
    expect(second.body.links?.[0].href).toBe(`${serviceUrl}/v1.0/${demoProjectId}/backups?marker=40`);
    const last = await list('?marker=40');
    expect(last.body).toEqual({ backups: [] });
  });

  it('keeps other query parameters in the next link and can force https like real Trove', async () => {
    sim.service.world.seedBackups(3, demoProjectId, { replace: true });
    sim.service.world.faults.httpsNextLinks = true;
    const page = await list('?datastore=mysql&limit=2');
    expect(page.body.links?.[0].href).toBe(`https://127.0.0.1:5000/database/v1.0/${demoProjectId}/backups?datastore=mysql&limit=2&marker=2`);
  });

  it('answers a marker that is not an integer with the 500 instanceFault, as int() fails in Trove', async () => {
    const response = await list('?marker=a9832168-7541-4536-b8d9-a8a9b79cf1b4');
    expect(response.status).toBe(500);
    expect(faultOf(response)).toMatchObject({ name: 'instanceFault', code: 500, message: expect.stringContaining('Internal Server Error. Please keep this ID') });
  });

  it('filters by instance_id and datastore (name or id)', async () => {
    const orders = seededInstanceId(demoProjectId, 'orders');
    const byInstance = await list(`?instance_id=${orders}`);
    expect(byInstance.body.backups).toHaveLength(5);
    expect(byInstance.body.backups.every((b) => b.instance_id === orders)).toBe(true);
    const postgres = await list('?datastore=postgresql');
    expect(postgres.body.backups.map((b) => b.name)).toEqual(['analytics-full']);
    const mysql = await list('?datastore=mysql');
    expect(mysql.body.backups).toHaveLength(9);
    const unknown = await list('?datastore=redis');
    expect(unknown.status).toBe(404);
    expect(faultOf(unknown)).toEqual({ name: 'itemNotFound', code: 404, message: "Datastore 'redis' cannot be found." });
  });

  it('lets only admins use all_projects and project_id', async () => {
    await list('', 'admin');
    await list('', 'demo');
    const denied = await list('?all_projects=true');
    expect(denied.status).toBe(403);
    expect(faultOf(denied)).toEqual({ name: 'forbidden', code: 403, message: "Policy doesn't allow backup:index:all_projects to be performed." });
    const all = await list('?all_projects=1&limit=100', 'admin');
    expect(new Set(all.body.backups.map((b) => b.project_id))).toEqual(new Set([demoProjectId, adminProjectId]));
    const demoOnly = await list(`?project_id=${demoProjectId}`, 'admin');
    expect(demoOnly.body.backups.every((b) => b.project_id === demoProjectId)).toBe(true);
  });

  it('lists one instance backups at /instances/{id}/backups and 404s an unknown instance', async () => {
    const billing = seededInstanceId(demoProjectId, 'billing');
    const response = await sim.get<BackupList>(`/v1.0/{p}/instances/${billing}/backups`);
    expect(response.body.backups.map((b) => b.name)).toEqual(['billing-weekly', 'billing-pre-migration', 'backup-full']);
    const missing = await sim.get('/v1.0/{p}/instances/00000000-0000-4000-a000-000000000000/backups');
    expect(faultOf(missing)).toEqual({ name: 'itemNotFound', code: 404, message: 'Resource 00000000-0000-4000-a000-000000000000 cannot be found.' });
  });

  it('shows one backup, hides other projects backups, and refuses a path naming another project', async () => {
    const [first] = (await list()).body.backups;
    const shown = await sim.get<{ backup: TroveBackup }>(`/v1.0/{p}/backups/${first.id}`);
    expect(shown.body.backup).toEqual(first);
    const adminBackup = sim.service.world.backups(adminProjectId)[0];
    expect((await sim.get(`/v1.0/{p}/backups/${adminBackup.id}`)).status).toBe(404);
    expect((await sim.get(`/v1.0/{p}/backups/${first.id}`, { as: 'admin' })).status).toBe(200);
    const otherProject = await sim.get(`/v1.0/${adminProjectId}/backups`);
    expect(otherProject.status).toBe(403);
    expect(faultOf(otherProject).message).toBe(`User with tenant id ${demoProjectId} cannot access this resource.`);
  });
});
