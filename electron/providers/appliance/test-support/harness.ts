import { statSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { startApplianceSim, writeBackupArchive, type ApplianceSim, type ApplianceSimOptions, type ArchiveMeta } from '../../../../e2e/sims/appliance';
import { EndpointMemo } from '../../../core/endpoint-memo';
import { openDownloadSink, type DownloadSink } from '../../../core/files/download-sink';
import { createLogger } from '../../../core/log/logger';
import type { Provider, ProviderContext, UploadSource } from '../../provider';
import { makeTestContext, type TestContext as BaseTestContext } from '../../test-support/context';
import { useFileSimulator } from '../../test-support/file-simulator';
import { createApplianceProvider, type ApplianceTimings } from '../provider';

export { recordOperation, rejectionOf, waitUntil } from '../../pieces/test-support/harness';

/** Every wait in milliseconds, so a restore through a reboot takes well under a second. */
export const fastTimings: Partial<ApplianceTimings> = {
  createFirstPollMs: 30,
  createPollMs: 20,
  createLimitMs: 10_000,
  outageToleranceMs: 3_000,
  rebootPollMs: 25,
  rebootLimitMs: 10_000,
  rebootRequestTimeoutMs: 400,
  refusedSignInsAfterReboot: 3,
  uploadAnswerMs: 5_000,
};

export const testProvider: Provider = createApplianceProvider(fastTimings);

export interface ContextOptions {
  url: string;
  certPem: string;
  fingerprint256: string;
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
  timeoutMs?: number;
}

export interface TestContext extends BaseTestContext {
  /** Every log line the provider and its HTTP clients wrote (debug level, nothing redacted by the test). */
  logLines: string[];
}

/**
 * A ProviderContext like the core builds for an appliance endpoint whose certificate the operator
 * accepted: the simulator's self-signed certificate as CA and its fingerprint pinned (it names only
 * appliance.sim.local, so the fingerprint replaces the host-name check), a real memo, pooled clients.
 */
export function makeApplianceContext(o: ContextOptions, memo = new EndpointMemo()): TestContext {
  const logLines: string[] = [];
  const log = createLogger({ level: 'debug', sink: (line) => logLines.push(line) });
  const { certPem, fingerprint256, ...rest } = o;
  return { ...makeTestContext({ kind: 'appliance', name: 'Appliance under test', tls: { caPem: certPem, fingerprint256 }, memo, log, ...rest }), logLines };
}

export interface SharedApplianceSim {
  sim(): ApplianceSim;
  /** A context signed in with the simulator's current credentials and certificate, closed after each test. */
  context(extra?: Partial<ContextOptions> & { memo?: EndpointMemo }): ProviderContext;
  /** The log lines of the last context made. */
  logLines(): string[];
  /** A download sink into a fresh temporary folder (removed after each test). */
  sink(name?: string): DownloadSink;
  /** A real .tgz backup file (about `approxBytes`) with this origin, as an upload source. */
  backupFile(approxBytes: number, meta?: Partial<ArchiveMeta>): Promise<UploadSource & { path: string }>;
}

/** An UploadSource over a file on disk, read as a stream (as the core hands it over). */
export function fileSource(path: string, name = path.split('/').pop() ?? path): UploadSource & { path: string } {
  return { path, name, sizeBytes: statSync(path).size, open: () => createReadStream(path, { highWaterMark: 64 * 1024 }) };
}

/** Call at the top of a test file: one simulator for the file, reset after each test. */
export function useApplianceSim(options: ApplianceSimOptions = {}): SharedApplianceSim {
  const { sim, track, folder } = useFileSimulator('appliance', () => startApplianceSim({ port: 0, timeScale: 0.01, seed: 1, seededBackupBytes: 64 * 1024, ...options }));
  let lastLines: string[] = [];
  return {
    sim,
    context: (extra = {}) => {
      const { memo, settings, secrets, ...rest } = extra;
      const s = sim();
      const made = makeApplianceContext(
        {
          url: s.url,
          certPem: s.certPem,
          fingerprint256: s.fingerprint256,
          settings: { username: s.credentials.username, ...settings },
          secrets: { password: s.credentials.password, ...secrets },
          ...rest,
        },
        memo,
      );
      lastLines = made.logLines;
      return track(made).ctx;
    },
    logLines: () => lastLines,
    sink: (name = 'appliance.backup.tgz') => openDownloadSink(join(folder('appliance-download-'), name)),
    backupFile: async (approxBytes, meta = {}) => {
      const path = join(folder('appliance-upload-'), 'upload.backup.tgz');
      const origin: ArchiveMeta = { hostname: 'appresponse-sim', model: 'SCAN-AR-VE', serial: 'VE0000000001', sw_version: '11.13.0', backup_time: Math.floor(Date.now() / 1000) - 3_600, description: 'uploaded by a test', ...meta };
      await writeBackupArchive(path, origin, approxBytes, 42);
      return fileSource(path);
    },
  };
}

/** A simulator of its own for one test (another auth version, a tiny token lifetime), closed afterwards with its contexts. */
export async function withApplianceSim<T>(options: ApplianceSimOptions, run: (sim: ApplianceSim, context: (extra?: Partial<ContextOptions>) => TestContext) => Promise<T>): Promise<T> {
  const sim = await startApplianceSim({ port: 0, timeScale: 0.01, seed: 2, seededBackupBytes: 64 * 1024, ...options });
  const opened: TestContext[] = [];
  try {
    return await run(sim, (extra = {}) => {
      const made = makeApplianceContext({
        url: sim.url,
        certPem: sim.certPem,
        fingerprint256: sim.fingerprint256,
        settings: { username: sim.credentials.username },
        secrets: { password: sim.credentials.password },
        ...extra,
      });
      opened.push(made);
      return made;
    });
  } finally {
    await Promise.all(opened.map((c) => c.close()));
    await sim.close();
  }
}
