import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '.';
import { call, cinderClient, issueToken } from './sim-test-client';

let sim: OpenStackSim;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 6 });
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const control = (method: string, path: string, body?: unknown) =>
  call(`${sim.url}/__sim${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('OpenStack simulator control API', () => {
  it('patches faults and config, rejects unknown keys, and reset puts both back', async () => {
    expect((await control('PATCH', '/faults', { quotaExceeded: true, fail5xx: 2 })).body).toMatchObject({ quotaExceeded: true, fail5xx: 2 });
    expect(sim.faults.quotaExceeded).toBe(true);
    expect((await control('PATCH', '/faults', { nonsense: true })).status).toBe(400);
    expect((await control('PATCH', '/config', { tokenTtlSeconds: 5, cinderMaxMicroversion: '3.50' })).body).toMatchObject({ tokenTtlSeconds: 5 });
    expect(sim.config.cinderMaxMicroversion).toBe('3.50');
    expect((await control('PATCH', '/config', { cinderMaxMicroversion: 'latest' })).status).toBe(400);
    await control('POST', '/reset');
    expect(sim.faults).toMatchObject({ quotaExceeded: false, fail5xx: false });
    expect(sim.config).toMatchObject({ tokenTtlSeconds: 3600, cinderMaxMicroversion: '3.71', timeScale: 0.05 });
  });

  it('seeds backups, reports state, and forwards /__sim/cinder and /__sim/trove to the services', async () => {
    expect((await control('POST', '/seed-backups', { count: 5, projectId: sim.credentials.member.projectId })).body).toEqual({ added: 5 });
    expect(sim.cinder.backups(sim.credentials.member.projectId).filter((b) => b.name?.startsWith('bulk-'))).toHaveLength(5);
    const state = (await control('GET', '/state')).body as { cinder: { backups: unknown[] }; trove: unknown; faults: unknown; config: unknown };
    expect(state.cinder.backups.length).toBe(sim.cinder.backups().length);
    expect(state.trove).toBeDefined();
    expect((await control('GET', '/cinder/state')).status).toBe(200);
    expect((await control('GET', '/trove/state')).status).toBe(200);
    const volume = (await control('POST', '/cinder/volumes', { size: 3, name: 'added' })).body as { id: string };
    expect(sim.cinder.volumes().find((v) => v.id === volume.id)?.name).toBe('added');
    const id = sim.cinder.backups()[0].id;
    expect((await control('POST', `/cinder/backups/${id}/status`, { status: 'error', failReason: 'broken on purpose' })).status).toBe(200);
    expect(sim.cinder.backups().find((b) => b.id === id)).toMatchObject({ status: 'error', failReason: 'broken on purpose' });
    expect((await control('GET', '/cinder/nope')).status).toBe(404);
    expect((await control('GET', '/nope')).status).toBe(404);
  });

  it('revokes every token through POST /__sim/revoke-tokens; the control API itself is not logged', async () => {
    const token = await issueToken(sim, 'member');
    const cinder = cinderClient(sim, token, sim.credentials.member.projectId);
    expect((await cinder('/backups')).status).toBe(200);
    await control('POST', '/revoke-tokens');
    expect((await cinder('/backups')).status).toBe(401);
    expect(sim.requests().some((r) => r.path.startsWith('/__sim'))).toBe(false);
  });

  it('sim.cinder.setBackupStatus and addVolume change what the API answers', async () => {
    const token = await issueToken(sim, 'admin');
    const cinder = cinderClient(sim, token, sim.credentials.admin.projectId);
    const id = sim.cinder.backups(sim.credentials.admin.projectId)[0].id;
    sim.cinder.setBackupStatus(id, 'error', 'set by test');
    expect((await cinder(`/backups/${id}`)).body.backup).toMatchObject({ status: 'error', fail_reason: 'set by test' });
    const volume = sim.cinder.addVolume({ size: 7, name: 'extra', status: 'error' });
    expect((await cinder(`/volumes/${volume.id}`)).body.volume).toMatchObject({ name: 'extra', size: 7, status: 'error' });
  });
});
