import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startJujuSim, type JujuSim, type JujuSimOptions } from '../../../../e2e/sims/juju';
import type { Endpoint } from '../../../../shared/domain';
import { EndpointMemo } from '../../../core/endpoint-memo';
import { openDownloadSink, type DownloadSink } from '../../../core/files/download-sink';
import { HttpClient } from '../../../core/http/http-client';
import { silentLogger } from '../../../core/log/logger';
import type { Provider, ProviderContext } from '../../provider';
import { createJujuProvider } from '../provider';
import { JUJU_SERVER_NAME } from '../rpc-connection';

export { recordOperation, rejectionOf, waitUntil } from '../../pieces/test-support/harness';

/** Fast timings for tests: every wait in milliseconds. */
export const testProvider: Provider = createJujuProvider({ pingIntervalMs: 1_000, elapsedTickMs: 20, reconnectStartMs: 25, reconnectMaxMs: 100, createTimeoutMs: 15_000, restoreTimeoutMs: 15_000 });

export interface ContextOptions {
  url: string;
  caPem: string;
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
  timeoutMs?: number;
}

export interface TestContext {
  ctx: ProviderContext;
  close(): Promise<void>;
}

/** A ProviderContext like the core builds for a Juju endpoint: the controller's CA, verified for `juju-apiserver`, and a real memo. */
export function makeJujuContext(o: ContextOptions, memo = new EndpointMemo()): TestContext {
  const timeoutMs = o.timeoutMs ?? 5_000;
  const secrets = o.secrets ?? {};
  const endpoint: Endpoint = {
    id: 'ep-juju',
    kind: 'juju',
    name: 'Juju under test',
    url: o.url,
    timeoutMs,
    tls: { caPem: o.caPem },
    settings: o.settings ?? {},
    createdAt: new Date(0).toISOString(),
    secretsSet: Object.keys(secrets),
  };
  const http = new HttpClient({ baseUrl: o.url, timeoutMs, tls: { caPem: o.caPem, serverName: JUJU_SERVER_NAME } });
  return {
    ctx: { endpoint, http, httpFor: () => http, memo, log: silentLogger, secret: async (name) => secrets[name] },
    close: () => http.close(),
  };
}

export type Who = 'admin' | 'nonSuperuser' | 'superuserWithoutModelAccess';

export interface SharedJujuSim {
  sim(): JujuSim;
  /** A context signed in as `who` (default admin) on the shared simulator, closed after each test. */
  context(who?: Who, extra?: Partial<ContextOptions> & { memo?: EndpointMemo }): ProviderContext;
  /** A download sink into a fresh temporary folder (removed after each test). */
  sink(name?: string): DownloadSink;
  /** The folder of the last sink. */
  folder(): string;
}

/** Call at the top of a test file: one simulator for the file, reset after each test. */
export function useJujuSim(options: JujuSimOptions): SharedJujuSim {
  let started: JujuSim | undefined;
  const opened: TestContext[] = [];
  const folders: string[] = [];
  beforeAll(async () => {
    started = await startJujuSim({ port: 0, timeScale: 0.05, seed: 1, archiveBytes: 256 * 1024, createMs: 4_000, ...options });
  });
  afterAll(() => started?.close());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    started?.reset();
  });
  const sim = () => {
    if (!started) throw new Error('The Juju simulator only exists inside tests');
    return started;
  };
  return {
    sim,
    context: (who = 'admin', extra = {}) => {
      const account = sim().credentials[who];
      const { memo, settings, secrets, ...rest } = extra;
      const made = makeJujuContext(
        { url: `https://${sim().address}`, caPem: sim().caPem, settings: { username: account.username, ...settings }, secrets: { password: account.password, ...secrets }, ...rest },
        memo,
      );
      opened.push(made);
      return made.ctx;
    },
    sink: (name = 'backup.tar.gz') => {
      const folder = mkdtempSync(join(tmpdir(), 'juju-download-'));
      folders.push(folder);
      return openDownloadSink(join(folder, name));
    },
    folder: () => folders[folders.length - 1]!,
  };
}
