import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJujuSim, type JujuSim } from '../../e2e/sims/juju';
import type { EndpointView } from '../../shared/contract';
import type { Backup, Job } from '../../shared/domain';
import { filesUnder, startCoreUnderTest, type CoreUnderTest } from './test-support/core-under-test';

/** The controller CA's private key is in every Juju 2.x backup's metadata; it must never leave main. */
describe('Juju endpoints through the core', () => {
  let sim: JujuSim;
  let t: CoreUnderTest;
  let downloads: string;
  let endpoint: EndpointView;
  const call = <T,>(name: string, input?: unknown) => t.call<T>(name, input);
  const finished = (job: Job) => t.finished(job);

  beforeAll(async () => {
    sim = await startJujuSim({ port: 0, version: '2.8.10', timeScale: 0.02, archiveBytes: 300_000 });
    downloads = mkdtempSync(join(tmpdir(), 'bc-juju-downloads-'));
    t = await startCoreUnderTest('juju');
    const imported = await call<{ entries: string[]; added?: EndpointView }>('endpoints.importConfigFile', {
      text: sim.showControllerYaml('lab'),
      kind: 'juju',
      entry: 'lab',
      name: 'Lab controller',
    });
    endpoint = imported.added!;
  });

  afterAll(async () => {
    await t?.close();
    await sim?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('imports a controller from show-controller output: address, CA and password', () => {
    expect(endpoint).toMatchObject({ kind: 'juju', url: `https://${sim.address}`, secretsSet: ['password'] });
    expect(endpoint.tls.caPem).toContain('BEGIN CERTIFICATE');
  });

  it('creates a backup and saves it on this computer, verified against the SHA-1 the controller published', async () => {
    // The first call logs in; what the controller's version allows (download) is known from then on.
    await call<Backup[]>('backups.list', { endpointId: endpoint.id });
    const path = join(downloads, 'lab.tar.gz');
    const job = await finished(await call<Job>('backups.create', { endpointId: endpoint.id, options: { notes: 'through the core' }, download: { path, overwrite: false } }));
    expect(job.state, job.error?.message).toBe('succeeded');
    const created = sim.state.backups.find((b) => b.notes === 'through the core')!;
    expect(createHash('sha1').update(readFileSync(path)).digest('base64')).toBe(created.checksum);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('frees a destination when its job could not even start', async () => {
    const first = await call<Job>('backups.create', { endpointId: endpoint.id, download: { path: join(downloads, 'first.tar.gz'), overwrite: false } });
    const clash = await t.failure('backups.create', { endpointId: endpoint.id, download: { path: join(downloads, 'second.tar.gz'), overwrite: false } });
    expect(clash.code).toBe('conflict');
    expect((await finished(first)).state).toBe('succeeded');
    const [backup] = await call<Backup[]>('backups.list', { endpointId: endpoint.id });
    const retry = await finished(await call<Job>('backups.download', { endpointId: endpoint.id, backupId: backup!.id, destination: { path: join(downloads, 'second.tar.gz'), overwrite: false } }));
    expect(retry.state, retry.error?.message).toBe('succeeded');
  });

  it('keeps no file when the archive does not match its checksum, and says so', async () => {
    sim.faults.wrongChecksum = true;
    const [backup] = await call<Backup[]>('backups.list', { endpointId: endpoint.id });
    const path = join(downloads, 'tampered.tar.gz');
    const job = await finished(await call<Job>('backups.download', { endpointId: endpoint.id, backupId: backup!.id, destination: { path, overwrite: false } }));
    sim.faults.wrongChecksum = false;
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/checksum/i);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('shows backup details without the CA private key, and no answer, event, log line or file carries it', async () => {
    const backups = await call<Backup[]>('backups.list', { endpointId: endpoint.id });
    expect(backups.length).toBeGreaterThan(0);
    const details = await call<Backup>('backups.get', { endpointId: endpoint.id, backupId: backups[0]!.id });
    expect(details.details).toHaveProperty('checksum');
    const keys = sim.state.backups.map((b) => b['ca-private-key']).filter((k): k is string => Boolean(k));
    expect(keys.length).toBeGreaterThan(0);
    const keyBody = (k: string) => k.split('\n').find((line) => line.length > 40 && !line.startsWith('-----'))!;
    for (const text of [...t.answers, ...t.events, ...t.logLines]) {
      expect(text).not.toContain('ca-private-key');
      expect(text).not.toContain('PRIVATE KEY');
      for (const key of keys) expect(text).not.toContain(keyBody(key));
    }
    for (const file of filesUnder(t.dataDir)) {
      const content = readFileSync(file, 'utf8');
      for (const key of keys) expect(content.includes(keyBody(key)), `${file} carries the CA private key`).toBe(false);
      expect(content.includes(sim.credentials.admin.password), `${file} carries the password`).toBe(false);
    }
  });
});
