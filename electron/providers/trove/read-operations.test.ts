import { describe, expect, it } from 'vitest';
import { seededBackupId, seededInstanceId } from '../../../e2e/sims/openstack/trove';
import { troveProvider } from './provider';
import { rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim, context } = useOpenStackSim();

const memberProject = () => sim().credentials.member.projectId;
const backupGets = (query: Record<string, string> = {}) =>
  sim()
    .requests()
    .filter((r) => r.method === 'GET' && /\/database\/v1\.0\/[^/]+\/backups$/.test(r.path))
    .filter((r) => Object.entries(query).every(([k, v]) => r.query[k] === v));

describe('Trove provider: reading (simulator)', () => {
  it('lists the project backups, normalised, with the incremental subtree of each', async () => {
    const backups = await troveProvider.listBackups(context());
    const wire = sim().trove.backups(memberProject());
    expect(backups.map((b) => b.id).sort()).toEqual(wire.map((b) => b.id).sort());
    const snapshot = backups.find((b) => b.id === seededBackupId(memberProject(), 'snapshot'))!;
    expect(snapshot).toMatchObject({
      endpointId: 'ep-trove',
      name: 'snapshot',
      state: 'available',
      statusText: 'COMPLETED',
      sizeReported: '0.14 GiB',
      source: seededInstanceId(memberProject(), 'orders'),
      details: { description: 'My Backup', datastore: 'mysql', datastore_version: '5.7', incremental: 'no' },
    });
    expect(snapshot.createdAt).toMatch(/Z$/);
    expect(snapshot.dependentIds?.sort()).toEqual([seededBackupId(memberProject(), 'incr1'), seededBackupId(memberProject(), 'incr2')].sort());
    const failed = backups.find((b) => b.name === 'billing-pre-migration');
    expect(failed).toMatchObject({ state: 'error', statusText: 'FAILED' });
  });

  it('follows the offset pagination to the end, through an empty last page', async () => {
    const project = memberProject();
    sim().trove.seedBackups(40, project, { replace: true });
    const backups = await troveProvider.listBackups(context());
    expect(backups).toHaveLength(40);
    expect(new Set(backups.map((b) => b.id)).size).toBe(40);
    // 20 + 20 + the empty page the second full page's "next" link promised.
    expect(backupGets().map((r) => r.query.marker ?? '0')).toEqual(['0', '20', '40']);
  });

  it('sends the instance_id and datastore filters on every page', async () => {
    const project = memberProject();
    const orders = seededInstanceId(project, 'orders');
    sim().trove.seedBackups(25, project, { instanceId: orders });
    const forOrders = await troveProvider.listBackups(context(), { instance_id: orders });
    expect(forOrders).toHaveLength(25 + 5);
    expect(forOrders.every((b) => b.source === orders)).toBe(true);
    expect(backupGets({ instance_id: orders }).map((r) => r.query.marker ?? '0')).toEqual(['0', '20']);

    const postgres = await troveProvider.listBackups(context(), { datastore: 'postgresql', instance_id: '' });
    expect(postgres.map((b) => b.name)).toEqual(['analytics-full']);
    expect(backupGets({ datastore: 'postgresql' })[0].query).not.toHaveProperty('instance_id');
  });

  it('gets one backup with its dependents, and says not-found for an unknown id', async () => {
    const ctx = context();
    const incr1 = await troveProvider.getBackup(ctx, seededBackupId(memberProject(), 'incr1'));
    expect(incr1).toMatchObject({ parentId: seededBackupId(memberProject(), 'snapshot'), dependentIds: [seededBackupId(memberProject(), 'incr2')], details: { incremental: 'yes' } });
    const error = await rejectionOf(troveProvider.getBackup(ctx, '00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ code: 'not-found' });
    expect(error.message).toContain('00000000-0000-4000-8000-000000000000');
  });

  it('tests the connection: Keystone sign-in, the Trove catalog URL, the API version', async () => {
    const result = await troveProvider.testConnection(context());
    expect(result).toMatchObject({ ok: true, serverVersion: 'v1.0 (CURRENT)' });
    expect(result.url).toContain(`/database/v1.0/${memberProject()}`);
    expect(result.message).toContain('10 backups');
  });

  it('reports a wrong password as a failed connection test, not a crash', async () => {
    const ctx = context();
    const wrong = { ...ctx, secret: async () => 'not-the-password' };
    const result = await troveProvider.testConnection(wrong);
    expect(result.ok).toBe(false);
  });

  it('lists instances, flavors and datastore versions for the forms', async () => {
    const ctx = context();
    const instances = await troveProvider.listResources!(ctx, 'instances');
    const orders = instances.find((i) => i.name === 'orders-db');
    expect(orders).toMatchObject({ id: seededInstanceId(memberProject(), 'orders'), status: 'ACTIVE', sizeBytes: 5 * 1024 ** 3, sizeReported: '5 GiB', details: { datastore: 'mysql', version: '5.7', flavor: '2' } });
    expect(instances.find((i) => i.name === 'legacy-db')?.status).toBe('ERROR');

    const flavors = await troveProvider.listResources!(ctx, 'flavors');
    expect(flavors.map((f) => f.id)).toEqual(['2', '3', '3ca76fe7-8dc1-4059-b728-de725835abcb']);
    expect(flavors[0]).toMatchObject({ name: 'ds2G', details: { vcpus: 1, ram_mb: 2048, disk_gb: 10 } });

    const versions = await troveProvider.listResources!(ctx, 'datastores');
    expect(versions.map((v) => v.name)).toEqual(['mysql 5.7', 'mysql 8.0', 'postgresql 12']);
    expect(versions[1]).toMatchObject({ id: 'c1f3a9d4-6e0b-4b8e-9f2a-8d7c6b5a4f01', details: { datastore: 'mysql', version: '8.0', version_number: '8.0.36', default: true } });

    expect(await rejectionOf(troveProvider.listResources!(ctx, 'volumes'))).toMatchObject({ code: 'unsupported' });
  });
});
