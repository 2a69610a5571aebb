import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApplianceSim, type ApplianceSim } from '../../e2e/sims/appliance';
import type { Backup, Job } from '../../shared/domain';
import { createProviderRegistry } from '../providers/registry';
import { leftoverParts } from './files/test-kit';
import { addApplianceEndpoint, fastApplianceProvider } from './test-support/appliance-core';
import { startCoreUnderTest, type CoreUnderTest } from './test-support/core-under-test';

let sim: ApplianceSim | undefined;
let t: CoreUnderTest | undefined;
let files: string | undefined;
afterEach(async () => {
  await sim?.close();
  for (const dir of [t?.dataDir, files]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('quitting while jobs run', () => {
  it('stops a download, removes its partial file at once, and says so in the saved history', async () => {
    sim = await startApplianceSim({ port: 0, timeScale: 0.02 });
    t = await startCoreUnderTest('quit', { providers: createProviderRegistry({ appliance: fastApplianceProvider() }), host: 'electron' });
    const endpoint = await addApplianceEndpoint(t, sim);
    const [backup] = await t.call<Backup[]>('backups.list', { endpointId: endpoint.id });
    sim.faults.slowLinkBytesPerSecond = 256 * 1024;
    files = mkdtempSync(join(tmpdir(), 'bc-quit-files-'));
    const path = join(files, 'slow.tgz');
    const job = await t.call<Job>('backups.download', { endpointId: endpoint.id, backupId: backup!.id, destination: { path } });
    for (let i = 0; i < 400 && leftoverParts(path).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(leftoverParts(path)).toHaveLength(1);

    await t.core.close();

    expect(leftoverParts(path)).toEqual([]);
    expect(existsSync(path)).toBe(false);
    const saved = (JSON.parse(readFileSync(join(t.dataDir, 'jobs.json'), 'utf8')) as { jobs: Job[] }).jobs.find((j) => j.id === job.id);
    expect(saved).toMatchObject({ state: 'cancelled', outcome: expect.stringMatching(/^Stopped because Backup Console quit\. Download cancelled after .*; the partial file was removed\./) });
    expect(JSON.parse(readFileSync(join(t.dataDir, 'partial-downloads.json'), 'utf8'))).toEqual({ version: 1, parts: [] });
  });
});
