import { afterAll, afterEach, beforeAll } from 'vitest';
import { startOpenStackSim, type OpenStackSim, type PasswordCredentials } from '../../../../e2e/sims/openstack';
import type { Endpoint } from '../../../../shared/domain';
import { EndpointMemo } from '../../../core/endpoint-memo';
import { HttpClient } from '../../../core/http/http-client';
import { silentLogger } from '../../../core/log/logger';
import type { OperationContext, ProgressUpdate, ProviderContext } from '../../provider';
import { createTroveProvider } from '../provider';
import type { TroveTimings } from '../settings';

/** Polls fast and gives up fast, so a test sees the whole lifecycle in well under a second. */
export const fastTimings: TroveTimings = {
  pollFirstMs: 10,
  pollMaxMs: 40,
  pollGrowth: 1.5,
  outageToleranceMs: 1_500,
  deleteTimeoutMs: 3_000,
  resumeDeleteGraceMs: 300,
};

export const fastProvider = createTroveProvider(fastTimings);

export function makeEndpoint(authUrl: string, who: PasswordCredentials): Endpoint {
  return {
    id: 'ep-trove',
    kind: 'trove',
    name: 'Trove under test',
    url: authUrl,
    timeoutMs: 5_000,
    tls: {},
    settings: { auth_type: 'password', username: who.username, user_domain_name: who.userDomainName, project_name: who.projectName, project_domain_name: 'Default' },
    createdAt: new Date(0).toISOString(),
    secretsSet: ['password'],
  };
}

/** A provider context as the core builds it: pooled clients per base URL, a fresh memo, the password as the stored secret. */
export function makeContext(authUrl: string, who: PasswordCredentials): { ctx: ProviderContext; close(): Promise<void> } {
  const clients = new Map<string, HttpClient>();
  const clientFor = (baseUrl: string) => {
    const key = new URL(baseUrl).toString();
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new HttpClient({ baseUrl: key, timeoutMs: 5_000 })));
    return client;
  };
  const ctx: ProviderContext = {
    endpoint: makeEndpoint(authUrl, who),
    http: clientFor(authUrl),
    httpFor: clientFor,
    memo: new EndpointMemo(),
    log: silentLogger,
    secret: async (name) => (name === 'password' ? who.password : undefined),
  };
  return { ctx, close: async () => void (await Promise.all([...clients.values()].map((c) => c.close()))) };
}

export interface SharedOpenStackSim {
  /** The file's simulator: started before all tests, reset after each, closed after all. */
  sim(): OpenStackSim;
  /** A context signed in as the project member (or `who`), closed after the test. */
  context(who?: 'member' | 'admin'): ProviderContext;
}

export function useOpenStackSim(timeScale = 0.05): SharedOpenStackSim {
  let started: OpenStackSim | undefined;
  const opened: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    started = await startOpenStackSim({ port: 0, timeScale, seed: 1 });
  });
  afterAll(() => started?.close());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    started?.reset();
  });
  const sim = () => {
    if (!started) throw new Error('The OpenStack simulator only runs inside tests (it starts in beforeAll)');
    return started;
  };
  return {
    sim,
    context: (who = 'member') => {
      const made = makeContext(sim().authUrl, sim().credentials[who]);
      opened.push(made);
      return made.ctx;
    },
  };
}

export interface RecordedOperation {
  op: OperationContext;
  stages: string[];
  progress: ProgressUpdate[];
  backupIds: string[];
  remoteRefs: string[];
}

export function recordOperation(hooks: { onProgress?: (update: ProgressUpdate) => void } = {}): RecordedOperation {
  const controller = new AbortController();
  const recorded: RecordedOperation = {
    stages: [],
    progress: [],
    backupIds: [],
    remoteRefs: [],
    op: {
      signal: controller.signal,
      progress: (update) => {
        recorded.progress.push(update);
        if (update.stage) recorded.stages.push(update.stage);
        hooks.onProgress?.(update);
      },
      setBackupId: (id) => recorded.backupIds.push(id),
      setRemoteRef: (ref) => recorded.remoteRefs.push(ref),
    },
  };
  return recorded;
}

/** Catches the rejection of `promise` for assertions on AppError fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; message: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; hint?: string };
  }
  throw new Error('Expected the promise to reject, but it resolved');
}
