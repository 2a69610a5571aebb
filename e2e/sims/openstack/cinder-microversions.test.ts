import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenStackSim, type OpenStackSim } from '.';
import { cinderClient, issueToken } from './sim-test-client';

let sim: OpenStackSim;
let admin: ReturnType<typeof cinderClient>;
let member: ReturnType<typeof cinderClient>;
beforeAll(async () => {
  sim = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 2 });
  admin = cinderClient(sim, await issueToken(sim, 'admin'), sim.credentials.admin.projectId);
  member = cinderClient(sim, await issueToken(sim, 'member'), sim.credentials.member.projectId);
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

type Detail = Record<string, unknown>;
const volumeNamed = (name: string) => sim.cinder.volumes().find((v) => v.name === name)!;

describe('Cinder microversions', () => {
  it('defaults to 3.0 without a header and echoes OpenStack-API-Version and Vary', async () => {
    const res = await member('/backups');
    expect(res.status).toBe(200);
    expect(res.headers.get('openstack-api-version')).toBe('volume 3.0');
    expect(res.headers.get('vary')).toBe('OpenStack-API-Version');
    expect((await member('/backups', { version: 'latest' })).headers.get('openstack-api-version')).toBe('volume 3.71');
    expect((await member('/backups', { version: '3.50' })).headers.get('openstack-api-version')).toBe('volume 3.50');
  });

  it('answers 400 badRequest for a malformed version and 406 computeFault outside [3.0, max]', async () => {
    const malformed = await member('/backups', { version: '3.x' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ badRequest: { code: 400, message: expect.stringContaining('invalid format') } });
    for (const version of ['3.72', '4.0', '2.0']) {
      const res = await member('/backups', { version });
      expect(res.status).toBe(406);
      expect(res.body).toEqual({ computeFault: { code: 406, message: expect.stringContaining('is not supported by the API') } });
    }
  });

  it('follows a lowered cinderMaxMicroversion at once', async () => {
    sim.config.cinderMaxMicroversion = '3.60';
    expect((await member('/backups', { version: '3.64' })).status).toBe(406);
    expect((await member('/backups', { version: 'latest' })).headers.get('openstack-api-version')).toBe('volume 3.60');
    const versions = (await (await fetch(`${sim.url}/volume/`)).json()) as { versions: Array<{ version: string }> };
    expect(versions.versions[0].version).toBe('3.60');
  });

  it('rejects body fields newer than the microversion (additionalProperties: false)', async () => {
    const volume_id = volumeNamed('demo-data').id;
    const withMetadata = await member('/backups', { method: 'POST', body: { backup: { volume_id, metadata: { a: 'b' } } }, version: '3.42' });
    expect(withMetadata.status).toBe(400);
    expect(withMetadata.body).toEqual({ badRequest: { code: 400, message: expect.stringContaining("Additional properties are not allowed ('metadata' was unexpected)") } });
    const withAz = await member('/backups', { method: 'POST', body: { backup: { volume_id, availability_zone: 'nova' } }, version: '3.50' });
    expect(withAz.status).toBe(400);
    const ok = await member('/backups', { method: 'POST', body: { backup: { volume_id, metadata: { a: 'b' }, availability_zone: 'nova' } }, version: '3.51' });
    expect(ok.status).toBe(202);
    const missing = await member('/backups', { method: 'POST', body: { backup: { name: 'x' } } });
    expect(missing.body).toEqual({ badRequest: { code: 400, message: expect.stringContaining("'volume_id' is a required property") } });
  });

  it('adds detail fields per microversion: metadata 3.43, user_id 3.56, project attr 3.18 for admins only', async () => {
    const keysAt = async (client: typeof member, version?: string) => Object.keys(((await client('/backups/detail', { version })).body.backups as Detail[])[0]);
    expect(await keysAt(member)).not.toContain('metadata');
    expect(await keysAt(member, '3.43')).toContain('metadata');
    expect(await keysAt(member, '3.55')).not.toContain('user_id');
    expect(await keysAt(member, '3.56')).toContain('user_id');
    expect(await keysAt(member, '3.71')).not.toContain('os-backup-project-attr:project_id');
    expect(await keysAt(admin, '3.17')).not.toContain('os-backup-project-attr:project_id');
    expect(await keysAt(admin, '3.18')).toContain('os-backup-project-attr:project_id');
  });

  it('shows encryption_key_id from 3.64, only for backups of encrypted volumes', async () => {
    const backups = sim.cinder.backups(sim.credentials.admin.projectId);
    const encrypted = backups.find((b) => b.name === 'secrets-backup')!;
    const plain = backups.find((b) => b.name === 'web-root-nightly')!;
    expect((await admin(`/backups/${encrypted.id}`, { version: '3.63' })).body.backup).not.toHaveProperty('encryption_key_id');
    expect((await admin(`/backups/${encrypted.id}`, { version: '3.64' })).body.backup).toHaveProperty('encryption_key_id', encrypted.encryptionKeyId);
    expect((await admin(`/backups/${plain.id}`, { version: '3.64' })).body.backup).not.toHaveProperty('encryption_key_id');
  });

  it('adds count with with_count=true only from 3.45; below it, at >= 3.31, with_count is an unknown filter for members', async () => {
    expect((await member('/backups?with_count=true', { version: '3.45' })).body.count).toBe(2);
    expect((await member('/backups?with_count=true', { version: '3.30' })).body).not.toHaveProperty('count');
    const rejected = await member('/backups?with_count=true', { version: '3.44' });
    expect(rejected.body).toEqual({ badRequest: { code: 400, message: 'Invalid filters with_count are found in query options.' } });
  });

  it('serves PUT update only from 3.9 (404 below), with metadata from 3.43', async () => {
    const id = sim.cinder.backups(sim.credentials.member.projectId)[0].id;
    expect((await member(`/backups/${id}`, { method: 'PUT', body: { backup: { name: 'renamed' } } })).status).toBe(404);
    const updated = await member(`/backups/${id}`, { method: 'PUT', body: { backup: { name: 'renamed', description: 'd' } }, version: '3.9' });
    expect(updated.status).toBe(200);
    expect(Object.keys(updated.body.backup as Detail).sort()).toEqual(['id', 'links', 'name']);
    expect((await member(`/backups/${id}`, { method: 'PUT', body: { backup: { metadata: {} } }, version: '3.42' })).status).toBe(400);
    expect((await member(`/backups/${id}`, { method: 'PUT', body: { backup: { metadata: { k: 'v' } } }, version: '3.43' })).status).toBe(200);
    expect((await member(`/backups/${id}`, { version: '3.43' })).body.backup).toMatchObject({ name: 'renamed', description: 'd', metadata: { k: 'v' } });
  });

  it('needs the project id in the path below 3.67 and takes the token project without it from 3.67', async () => {
    const bare = (version: string) => member(`${sim.url}/volume/v3/backups`, { version });
    expect((await bare('3.66')).status).toBe(404);
    expect((await bare('3.67')).status).toBe(200);
  });
});
