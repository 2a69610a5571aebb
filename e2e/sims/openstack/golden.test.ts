import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '.';
import { call, cinderClient, issueToken, passwordAuthBody } from './sim-test-client';

/** The published api-ref samples (copied into golden/) and the simulator's answers must have the same keys, level by level. */

const golden = (path: string) => JSON.parse(readFileSync(new URL(`./golden/${path}`, import.meta.url), 'utf8')) as unknown;

/** Every key path, arrays collapsed to their first element: {"a":[{"b":1}]} → ["a", "a[].b"]. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length ? keyPaths(value[0], `${prefix}[]`) : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value)
    .filter(([, inner]) => inner !== undefined)
    .flatMap(([key, inner]) => [`${prefix}${prefix ? '.' : ''}${key}`, ...keyPaths(inner, `${prefix}${prefix ? '.' : ''}${key}`)]).sort();
}

let sim: OpenStackSim;
let admin: ReturnType<typeof cinderClient>;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 5 });
  admin = cinderClient(sim, await issueToken(sim, 'admin'), sim.credentials.admin.projectId);
});
afterAll(() => sim.close());

const versionDirs = [
  { dir: 'backups', version: undefined },
  { dir: 'backups/v3.9', version: '3.9' },
  { dir: 'backups/v3.18', version: '3.18' },
  { dir: 'backups/v3.43', version: '3.43' },
  { dir: 'backups/v3.45', version: '3.45' },
  { dir: 'backups/v3.56', version: '3.56' },
];
const counted = (version: string | undefined) => (version && Number(version.split('.')[1]) >= 45 ? '?with_count=true&limit=1' : '?limit=1');

describe('golden key sets: Cinder', () => {
  for (const { dir, version } of versionDirs) {
    it(`matches ${dir}: show, list, list detailed, create`, async () => {
      const sample = golden(`cinder/${dir}/backup-show-response.json`) as { backup: { id: string } };
      // The sample backups are part of the seeded world, under their published ids.
      expect(keyPaths((await admin(`/backups/${sample.backup.id}`, { version })).body)).toEqual(keyPaths(sample));
      const list = await admin(`/backups${counted(version)}`, { version });
      expect(keyPaths({ ...list.body, backups_links: undefined })).toEqual(keyPaths(golden(`cinder/${dir}/backups-list-response.json`)));
      const detail = await admin(`/backups/detail${counted(version)}&name=backup001`, { version });
      expect(keyPaths({ ...detail.body, backups_links: undefined })).toEqual(keyPaths(golden(`cinder/${dir}/backups-list-detailed-response.json`)));
      const volume = sim.cinder.volumes(sim.credentials.admin.projectId).find((v) => v.name === 'restore-target')!;
      const created = await admin('/backups', { method: 'POST', body: golden('cinder/backups/backup-create-request.json'), version });
      expect(created.status).toBe(404); // the sample's volume_id does not exist here
      const ours = await admin('/backups', { method: 'POST', body: { backup: { ...(golden('cinder/backups/backup-create-request.json') as { backup: object }).backup, volume_id: volume.id } }, version });
      expect(ours.status).toBe(202);
      expect(keyPaths(ours.body)).toEqual(keyPaths(golden(`cinder/${dir}/backup-create-response.json`)));
      sim.reset();
    });
  }

  it('matches the 3.9 update, restore, export and import samples', async () => {
    const id = sim.cinder.backups().find((b) => b.name === 'web-root-nightly')!.id;
    const updated = await admin(`/backups/${id}`, { method: 'PUT', body: golden('cinder/backups/v3.9/backup-update-request.json'), version: '3.9' });
    expect(keyPaths(updated.body)).toEqual(keyPaths(golden('cinder/backups/v3.9/backup-update-response.json')));
    const exported = await admin(`/backups/${id}/export_record`);
    expect(keyPaths(exported.body)).toEqual(keyPaths(golden('cinder/backup-record-export-response.json')));
    const restored = await admin(`/backups/${id}/restore`, { method: 'POST', body: { restore: { name: 'vol-01' } } });
    expect(keyPaths(restored.body)).toEqual(keyPaths(golden('cinder/backup-restore-response.json')));
    sim.reset();
    await admin(`/backups/${id}`, { method: 'DELETE' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const imported = await admin('/backups/import_record', { method: 'POST', body: exported.body });
    expect(imported.status).toBe(201);
    expect(keyPaths(imported.body)).toEqual(keyPaths(golden('cinder/backup-record-import-response.json')));
    sim.reset();
  });

  it('matches the version documents (300 list, 200 show)', async () => {
    const list = await call(`${sim.url}/volume/`);
    expect(list.status).toBe(300);
    expect(keyPaths(list.body)).toEqual(keyPaths(golden('cinder/versions/versions-response.json')));
    const show = await call(`${sim.url}/volume/v3/`);
    expect(show.status).toBe(200);
    expect(keyPaths(show.body)).toEqual(keyPaths(golden('cinder/versions/version-show-response.json')));
  });
});

describe('golden key sets: Keystone', () => {
  it('matches the project-scoped password token sample, for both published request forms', async () => {
    const sample = keyPaths(golden('keystone/auth_responses_project-scoped-password.json'));
    const byName = await call(`${sim.authUrl}/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(passwordAuthBody('admin', 'admin-secret', 'admin')) });
    expect(keyPaths(byName.body)).toEqual(sample);
    for (const file of ['auth_requests_project-id-password.json', 'auth_requests_project-name-password.json']) {
      const request = golden(`keystone/${file}`) as { auth: { identity: { password: { user: { password: string } } } } };
      request.auth.identity.password.user.password = 'admin-secret';
      const res = await call(`${sim.authUrl}/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
      expect(res.status).toBe(201);
      expect(keyPaths(res.body)).toEqual(sample);
    }
  });
});
