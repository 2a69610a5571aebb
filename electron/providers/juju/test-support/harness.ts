import { join } from 'node:path';
import { startJujuSim, type JujuSim, type JujuSimOptions } from '../../../../e2e/sims/juju';
import { EndpointMemo } from '../../../core/endpoint-memo';
import { openDownloadSink, type DownloadSink } from '../../../core/files/download-sink';
import type { Provider, ProviderContext } from '../../provider';
import { makeTestContext, type TestContext } from '../../test-support/context';
import { useFileSimulator } from '../../test-support/file-simulator';
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

/** A ProviderContext like the core builds for a Juju endpoint: the controller's CA, verified for `juju-apiserver`, and a real memo. */
export function makeJujuContext(o: ContextOptions, memo = new EndpointMemo()): TestContext {
  const { caPem, ...rest } = o;
  return makeTestContext({ kind: 'juju', name: 'Juju under test', tls: { caPem }, serverName: JUJU_SERVER_NAME, memo, ...rest });
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
  const { sim, track, folder } = useFileSimulator('Juju', () => startJujuSim({ port: 0, timeScale: 0.05, seed: 1, archiveBytes: 256 * 1024, createMs: 4_000, ...options }));
  let lastFolder = '';
  return {
    sim,
    context: (who = 'admin', extra = {}) => {
      const account = sim().credentials[who];
      const { memo, settings, secrets, ...rest } = extra;
      const made = makeJujuContext(
        { url: `https://${sim().address}`, caPem: sim().caPem, settings: { username: account.username, ...settings }, secrets: { password: account.password, ...secrets }, ...rest },
        memo,
      );
      return track(made).ctx;
    },
    sink: (name = 'backup.tar.gz') => {
      lastFolder = folder('juju-download-');
      return openDownloadSink(join(lastFolder, name));
    },
    folder: () => lastFolder,
  };
}
