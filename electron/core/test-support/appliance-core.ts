import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startApplianceSim, type ApplianceSim, type ApplianceSimOptions } from '../../../e2e/sims/appliance';
import type { EndpointView } from '../../../shared/contract';
import type { Backup, Job } from '../../../shared/domain';
import { createApplianceProvider } from '../../providers/appliance/provider';
import { createProviderRegistry } from '../../providers/registry';
import { startCoreUnderTest, type CoreUnderTest } from './core-under-test';

/** Polls and reboot waits short enough for tests; the sim's own durations scale with its timeScale. */
export const fastApplianceProvider = () =>
  createApplianceProvider({ createFirstPollMs: 20, createPollMs: 20, rebootPollMs: 100, rebootRequestTimeoutMs: 500, rebootLimitMs: 30_000 });

export interface ApplianceCoreHarness {
  sim: ApplianceSim;
  t: CoreUnderTest;
  endpoint: EndpointView;
  /** A folder for downloads and files to upload, emptied after each test. */
  files: string;
  call<T>(name: string, input?: unknown): Promise<T>;
  finished(job: Job, timeoutMs?: number): Promise<Job>;
  backups(): Promise<Backup[]>;
}

/** Adds the simulator as an endpoint whose certificate the operator accepted. */
export async function addApplianceEndpoint(t: CoreUnderTest, sim: ApplianceSim): Promise<EndpointView> {
  const imported = await t.call<{ added: EndpointView[] }>('endpoints.import', {
    text: JSON.stringify({
      kind: 'appliance',
      name: 'Lab appliance',
      url: sim.url,
      tls: { caPem: sim.certPem, fingerprint256: sim.fingerprint256 },
      settings: { username: sim.credentials.username },
      secrets: { password: sim.credentials.password },
    }),
  });
  return imported.added[0]!;
}

/**
 * The core with the appliance provider in front of a simulator whose certificate the operator
 * accepted (its own certificate as trust anchor, its SHA-256 pinned), as the endpoint form stores it.
 */
export function useApplianceCore(options: ApplianceSimOptions = {}): ApplianceCoreHarness {
  const h = {} as ApplianceCoreHarness;
  beforeAll(async () => {
    h.sim = await startApplianceSim({ port: 0, timeScale: 0.02, ...options });
    h.sim.faults.rebootRefuseMs = 600;
    // The desktop host: uploads name files by path, as the preload registers them from a drop.
    h.t = await startCoreUnderTest('appliance', { providers: createProviderRegistry({ appliance: fastApplianceProvider() }), host: 'electron' });
    h.call = (name, input) => h.t.call(name, input);
    h.finished = (job, timeoutMs) => h.t.finished(job, timeoutMs);
    h.endpoint = await addApplianceEndpoint(h.t, h.sim);
    h.backups = () => h.call<Backup[]>('backups.list', { endpointId: h.endpoint.id });
    h.files = mkdtempSync(join(tmpdir(), 'bc-appliance-files-'));
  });
  afterEach(() => {
    rmSync(h.files, { recursive: true, force: true });
    h.files = mkdtempSync(join(tmpdir(), 'bc-appliance-files-'));
  });
  afterAll(async () => {
    await h.t?.close();
    await h.sim?.close();
    if (h.files) rmSync(h.files, { recursive: true, force: true });
  });
  return h;
}
