import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '..';
import { call, issueToken, until } from '../sim-test-client';
import { seededBackupId, seededInstanceId } from './seed-data';

/** The service behind the shared server: Keystone token, catalog URL layout, JSON over HTTP. */
let sim: OpenStackSim;
let token: string;
let projectId: string;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 3 });
  token = await issueToken(sim, 'member');
  projectId = sim.credentials.member.projectId;
});
afterAll(() => sim.close());

const trove = <T = Record<string, unknown>>(path: string, init: { method?: string; body?: unknown } = {}) =>
  call<T>(`${sim.url}/database/v1.0/${projectId}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'x-auth-token': token, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

describe('Trove over HTTP through the shared server', () => {
  it('serves the version document without a token and the API only with one', async () => {
    const versions = await call<{ versions: Array<{ id: string }> }>(`${sim.url}/database`);
    expect(versions.status).toBe(200);
    expect(versions.body.versions[0].id).toBe('v1.0');
    expect((await call(`${sim.url}/database/v1.0/${projectId}/backups`)).status).toBe(401);
  });

  it('backs up an instance and restores the backup into a new one', async () => {
    const instance = seededInstanceId(projectId, 'orders');
    const created = await trove<{ backup: { id: string; status: string } }>('/backups', { method: 'POST', body: { backup: { name: 'http-backup', instance } } });
    expect(created.status).toBe(202);
    expect(created.body.backup.status).toBe('NEW');
    await until(async () => {
      const shown = await trove<{ backup: { status: string } }>(`/backups/${created.body.backup.id}`);
      return shown.body.backup.status === 'COMPLETED' ? true : undefined;
    }, 'the backup to complete');

    const restore = {
      instance: { name: 'restored', flavorRef: '2', volume: { size: 5 }, datastore: { type: 'mysql', version: '5.7' }, restorePoint: { backupRef: seededBackupId(projectId, 'nightly') } },
    };
    const restored = await trove<{ instance: { id: string; status: string } }>('/instances', { method: 'POST', body: restore });
    expect(restored.status).toBe(200);
    expect(restored.body.instance.status).toBe('BUILD');
    await until(async () => {
      const shown = await trove<{ instance: { status: string } }>(`/instances/${restored.body.instance.id}`);
      return shown.body.instance.status === 'ACTIVE' ? true : undefined;
    }, 'the restored instance to become ACTIVE');
  });

  it('answers faults as {"<name>": {code, message}} JSON', async () => {
    const missing = await trove('/backups/00000000-0000-4000-a000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
    expect(missing.body).toEqual({ itemNotFound: { code: 404, message: 'Resource 00000000-0000-4000-a000-000000000000 cannot be found.' } });
  });
});
