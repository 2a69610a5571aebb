import { describe, expect, it } from 'vitest';
import { rejectionOf, useOpenStackSim } from '../openstack/test-support/harness';
import { cinderRequests, fastCinder, projectOf, volumeNamed } from './test-support/fixtures';

const { sim, context } = useOpenStackSim();

describe('Cinder provider: reading', () => {
  it('lists backups newest first, mapped to the domain, with the microversion header on every call', async () => {
    const backups = await fastCinder.listBackups(context('admin'));
    const seeded = sim().cinder.backups(projectOf(sim(), 'admin'));
    expect(backups.map((b) => b.id).sort()).toEqual(seeded.map((b) => b.id).sort());
    const first = backups.find((b) => b.id === seeded[0]!.id)!;
    expect(first).toMatchObject({ endpointId: 'ep-cinder', statusText: seeded[0]!.status, sizeBytes: seeded[0]!.size * 2 ** 30, sizeReported: `${seeded[0]!.size} GiB`, source: seeded[0]!.volumeId });
    expect(first.createdAt).toMatch(/Z$/);
    expect(first.details).toHaveProperty('is_incremental');
    const created = backups.map((b) => b.createdAt!);
    expect(created).toEqual([...created].sort().reverse());
    const calls = cinderRequests(sim()).filter((r) => !/\/v3\/?$/.test(r.path));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((r) => r.apiVersion === 'volume 3.71')).toBe(true);
    expect(calls.find((r) => r.path.endsWith('/backups/detail'))?.query).toMatchObject({ sort: 'created_at:desc' });
  });

  it('follows the next links across more than 2,000 backups', async () => {
    sim().cinder.seedBackups(2100);
    const backups = await fastCinder.listBackups(context('admin'));
    expect(backups.length).toBe(sim().cinder.backups(projectOf(sim(), 'admin')).length);
    expect(new Set(backups.map((b) => b.id)).size).toBe(backups.length);
    const pages = cinderRequests(sim()).filter((r) => r.path.endsWith('/backups/detail'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(1).every((r) => r.query.marker)).toBe(true);
  });

  it('sends the status, name and volume filters to the server and nothing it does not know', async () => {
    const volume = volumeNamed(sim(), 'db-data');
    const backups = await fastCinder.listBackups(context('admin'), { status: 'available', volume_id: volume.id, name: '', bogus: 'x' });
    expect(backups.every((b) => b.source === volume.id && b.state === 'available')).toBe(true);
    const query = cinderRequests(sim()).find((r) => r.path.endsWith('/backups/detail'))!.query;
    expect(query).toEqual({ status: 'available', volume_id: volume.id, sort: 'created_at:desc' });
  });

  it('shows a member only their project, and reads one backup', async () => {
    const backups = await fastCinder.listBackups(context('member'));
    expect(backups.map((b) => b.id).sort()).toEqual(sim().cinder.backups(projectOf(sim(), 'member')).map((b) => b.id).sort());
    const one = await fastCinder.getBackup(context('member'), backups[0]!.id);
    expect(one.id).toBe(backups[0]!.id);
  });

  it('says not found for an unknown backup', async () => {
    const error = await rejectionOf(fastCinder.getBackup(context('admin'), '00000000-0000-0000-0000-000000000000'));
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('Cinder answered HTTP 404') });
  });

  it('lists volumes as resources', async () => {
    const volumes = await fastCinder.listResources!(context('admin'), 'volumes');
    const web = volumes.find((v) => v.name === 'web-root')!;
    expect(web).toMatchObject({ status: 'in-use', sizeBytes: 10 * 2 ** 30, sizeReported: '10 GiB', details: { bootable: true, volume_type: 'lvmdriver-1' } });
    expect(web.details.attached_to).toBeTruthy();
    expect(volumes.length).toBe(sim().cinder.volumes(projectOf(sim(), 'admin')).length);
  });

  it('tests the connection and reports the microversion range', async () => {
    const result = await fastCinder.testConnection(context('admin'));
    expect(result).toMatchObject({ ok: true, serverVersion: 'Cinder API 3.0 – 3.71 (using 3.71)' });
    expect(result.message).toMatch(/your roles: .*admin/);
    sim().config.cinderMaxMicroversion = '3.40';
    expect((await fastCinder.testConnection(context('member'))).serverVersion).toBe('Cinder API 3.0 – 3.40 (using 3.40)');
  });

  it('offers admin-only actions to admins only, and says why', async () => {
    const endpoint = context('admin').endpoint;
    const member = context('member');
    expect(fastCinder.capabilities(endpoint, member.memo).cancelCreate).toEqual({ enabled: false, reason: expect.stringMatching(/^Not signed in yet/) });
    await fastCinder.listBackups(member);
    const forMember = fastCinder.capabilities(endpoint, member.memo);
    for (const name of ['cancelCreate', 'cancelRestore', 'exportRecord', 'importRecord'] as const) {
      expect(forMember[name]).toEqual({ enabled: false, reason: expect.stringMatching(/^Only cloud admins can .*; sign in as an admin\.$/) });
    }
    expect([forMember.create, forMember.restore, forMember.delete]).toEqual([{ enabled: true }, { enabled: true }, { enabled: true }]);
    const admin = context('admin');
    await fastCinder.listBackups(admin);
    const forAdmin = fastCinder.capabilities(endpoint, admin.memo);
    expect([forAdmin.cancelCreate, forAdmin.cancelRestore, forAdmin.exportRecord, forAdmin.importRecord].every((c) => c.enabled)).toBe(true);
  });

  it('turns a 500 into a server error with Cinder\'s message', async () => {
    const ctx = context('admin');
    await fastCinder.listBackups(ctx);
    sim().faults.fail5xx = 1;
    sim().faults.pathPrefix = '/volume/';
    const error = await rejectionOf(fastCinder.listBackups(ctx));
    expect(error).toMatchObject({ code: 'server-error', message: expect.stringMatching(/Cinder answered HTTP 500 while listing the backups/) });
  });
});
