import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudsYamlFor, startOpenStackSim, type OpenStackSim } from '../../e2e/sims/openstack';
import type { EndpointView } from '../../shared/contract';
import type { Backup, Job, Resource } from '../../shared/domain';
import { filesUnder, startCoreUnderTest, type CoreUnderTest } from './test-support/core-under-test';

/**
 * The OpenStack kinds through the whole core: the contract, per-kind settings and options, roles
 * learnt at sign-in turning admin-only actions on, and the password never leaving main.
 */
describe('OpenStack endpoints through the core', () => {
  let sim: OpenStackSim;
  let t: CoreUnderTest;
  const call = <T,>(name: string, input?: unknown) => t.call<T>(name, input);
  const failure = (name: string, input: unknown) => t.failure(name, input);
  const finished = (job: Job) => t.finished(job);

  const endpointLine = (kind: 'cinder' | 'trove', name: string, who: 'admin' | 'member') => {
    const c = sim.credentials[who];
    return JSON.stringify({
      kind,
      name,
      url: sim.authUrl,
      settings: { auth_type: 'password', username: c.username, user_domain_name: 'Default', project_name: c.projectName, project_domain_name: 'Default', region_name: 'RegionOne' },
      secrets: { password: c.password },
    });
  };
  let admin: EndpointView;
  let member: EndpointView;

  beforeAll(async () => {
    sim = await startOpenStackSim({ port: 0, timeScale: 0.02 });
    t = await startCoreUnderTest('openstack');
    const imported = await call<{ added: EndpointView[]; skipped: string[] }>('endpoints.import', {
      text: [endpointLine('cinder', 'Cloud as admin', 'admin'), endpointLine('cinder', 'Cloud as member', 'member')].join('\n'),
    });
    expect(imported.skipped).toEqual([]);
    [admin, member] = imported.added as [EndpointView, EndpointView];
  });

  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('stores the demo password as a secret and learns the roles at sign-in, turning admin-only actions on for admins only', async () => {
    expect(admin.secretsSet).toEqual(['password']);
    expect(admin.capabilities.cancelCreate.enabled).toBe(false);
    const before = t.events.filter((e) => e.startsWith('endpoints.changed')).length;

    await call<Backup[]>('backups.list', { endpointId: admin.id });
    await call<Backup[]>('backups.list', { endpointId: member.id });

    expect(t.events.filter((e) => e.startsWith('endpoints.changed')).length).toBeGreaterThan(before);
    const views = await call<EndpointView[]>('endpoints.list');
    const adminView = views.find((e) => e.id === admin.id)!;
    const memberView = views.find((e) => e.id === member.id)!;
    for (const name of ['cancelCreate', 'cancelRestore', 'exportRecord', 'importRecord'] as const) {
      expect(adminView.capabilities[name].enabled, `admin ${name}`).toBe(true);
      expect(memberView.capabilities[name].enabled, `member ${name}`).toBe(false);
      expect(memberView.capabilities[name].reason).toMatch(/admin/i);
    }
    const refused = await failure('backups.exportRecord', { endpointId: member.id, backupId: 'anything' });
    expect(refused.code).toBe('unsupported');
  });

  it('refuses settings the kind does not accept, naming the field', async () => {
    const error = await failure('endpoints.add', {
      config: { kind: 'cinder', name: 'No project', url: sim.authUrl, settings: { auth_type: 'password', username: 'admin', user_domain_name: 'Default' } },
    });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/project/i);
    const pieces = await failure('endpoints.add', { config: { kind: 'pieces', name: 'P', url: 'http://127.0.0.1:39300', settings: { region_name: 'x' } } });
    expect(pieces.message).toMatch(/take no extra settings/);
  });

  it('backs up a picked volume with options, then restores to a new volume without a typed confirmation', async () => {
    const volumes = await call<Resource[]>('resources.list', { endpointId: admin.id, type: 'volumes' });
    const volume = volumes.find((v) => v.status === 'available')!;
    expect(volume.sizeBytes).toBeGreaterThan(0);

    const created = await finished(await call<Job>('backups.create', { endpointId: admin.id, options: { volume_id: volume.id, name: 'core-test', description: 'through the core' } }));
    expect(created.state, created.error?.message).toBe('succeeded');
    const backup = await call<Backup>('backups.get', { endpointId: admin.id, backupId: created.backupId! });
    expect(backup).toMatchObject({ name: 'core-test', state: 'available', source: volume.id, sizeReported: expect.stringMatching(/GiB/) });

    const restored = await finished(await call<Job>('backups.restore', { endpointId: admin.id, backupId: backup.id, options: { target: 'new', name: 'restored-by-core' } }));
    expect(restored.state, restored.error?.message).toBe('succeeded');
    expect(sim.cinder.volumes().some((v) => v.name === 'restored-by-core')).toBe(true);
  });

  it('requires the typed id of the volume a restore overwrites, in main', async () => {
    const backup = (await call<Backup[]>('backups.list', { endpointId: admin.id })).find((b) => b.name === 'core-test')!;
    const target = sim.cinder.volumes().find((v) => v.status === 'available' && v.size * 2 ** 30 >= (backup.sizeBytes ?? 0))!;
    const options = { target: 'existing', volume_id: target.id };
    const unconfirmed = await failure('backups.restore', { endpointId: admin.id, backupId: backup.id, options });
    expect(unconfirmed.code).toBe('confirmation-mismatch');
    // The backup id is not enough: the text names what gets overwritten.
    const backupIdTyped = await failure('backups.restore', { endpointId: admin.id, backupId: backup.id, options, confirmation: backup.id });
    expect(backupIdTyped).toMatchObject({ code: 'confirmation-mismatch', message: expect.stringContaining('volume that will be overwritten') });
    const job = await finished(await call<Job>('backups.restore', { endpointId: admin.id, backupId: backup.id, options, confirmation: target.id }));
    expect(job.state, job.error?.message).toBe('succeeded');
  });

  it('rejects create options that fail the kind schema before anything is sent', async () => {
    const posts = () => sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/backups')).length;
    const sent = posts();
    const error = await failure('backups.create', { endpointId: admin.id, options: { name: 'no volume' } });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/volume/i);
    expect(posts()).toBe(sent);
  });

  it('exports a record, and imports it back once the backup is gone from the database (admin)', async () => {
    const backup = (await call<Backup[]>('backups.list', { endpointId: admin.id })).find((b) => b.name === 'core-test')!;
    const record = await call<{ fileName: string; text: string }>('backups.exportRecord', { endpointId: admin.id, backupId: backup.id });
    expect(record.fileName).toContain(backup.id);
    expect(JSON.parse(record.text)).toHaveProperty(['backup-record', 'backup_url']);
    // Cinder refuses to import a record whose backup is still in its database.
    const deleted = await finished(await call<Job>('backups.delete', { endpointId: admin.id, backupId: backup.id, confirmation: backup.id }));
    expect(deleted.state, deleted.error?.message).toBe('succeeded');
    const job = await finished(await call<Job>('backups.importRecord', { endpointId: admin.id, text: record.text }));
    expect(job.state, job.error?.message).toBe('succeeded');
    expect(job.kind).toBe('import-record');
  });

  it('imports one cloud from a clouds.yaml, with its password going to the vault', async () => {
    const yaml = cloudsYamlFor(sim, 'simcloud');
    const listing = await call<{ entries: string[]; added?: EndpointView }>('endpoints.importConfigFile', { text: yaml, kind: 'cinder' });
    expect(listing.entries).toEqual(['elsewhere', 'simcloud']);
    expect(listing.added).toBeUndefined();

    const imported = await call<{ added: EndpointView; warnings: string[] }>('endpoints.importConfigFile', { text: yaml, kind: 'cinder', entry: 'simcloud', name: 'From clouds.yaml' });
    expect(imported.added).toMatchObject({ name: 'From clouds.yaml', url: sim.authUrl, secretsSet: ['password'] });
    expect(imported.warnings.join(' ')).toMatch(/verify/);
    const test = await call<{ ok: boolean }>('endpoints.test', { endpointId: imported.added.id });
    expect(test.ok).toBe(true);
  });

  it('never writes a password to disk, an answer or a log line', () => {
    const passwords = [sim.credentials.admin.password, sim.credentials.member.password];
    const inputLines = t.answers.filter((a) => a.includes('"ok":true'));
    expect(inputLines.length).toBeGreaterThan(5);
    for (const file of filesUnder(t.dataDir)) {
      const bytes = readFileSync(file);
      for (const p of passwords) expect(bytes.includes(p), `${file} contains a password`).toBe(false);
    }
    for (const text of [...t.answers, ...t.logLines, ...t.events]) for (const p of passwords) expect(text).not.toContain(p);
  });
});
