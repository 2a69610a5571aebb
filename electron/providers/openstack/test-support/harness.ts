import { afterAll, afterEach, beforeAll } from 'vitest';
import { startOpenStackSim, type OpenStackSim, type OpenStackSimOptions } from '../../../../e2e/sims/openstack';
import type { Endpoint, EndpointKind } from '../../../../shared/domain';
import { EndpointMemo } from '../../../core/endpoint-memo';
import { HttpClient } from '../../../core/http/http-client';
import { silentLogger } from '../../../core/log/logger';
import type { ProviderContext } from '../../provider';

export { recordOperation, rejectionOf, waitUntil } from '../../pieces/test-support/harness';

export interface ContextOptions {
  kind?: EndpointKind;
  url: string;
  settings: Record<string, string>;
  secrets: Record<string, string>;
  timeoutMs?: number;
}

export interface TestContext {
  ctx: ProviderContext;
  close(): Promise<void>;
}

/** A ProviderContext like the core builds: real pooled clients per base URL and a real memo. */
export function makeOpenStackContext(o: ContextOptions): TestContext {
  const timeoutMs = o.timeoutMs ?? 5_000;
  const endpoint: Endpoint = {
    id: `ep-${o.kind ?? 'cinder'}`,
    kind: o.kind ?? 'cinder',
    name: 'OpenStack under test',
    url: o.url,
    timeoutMs,
    tls: {},
    settings: o.settings,
    createdAt: new Date(0).toISOString(),
    secretsSet: Object.keys(o.secrets),
  };
  const http = new HttpClient({ baseUrl: o.url, timeoutMs });
  const others = new Map<string, HttpClient>();
  return {
    ctx: {
      endpoint,
      http,
      httpFor: (baseUrl) => {
        const key = new URL(baseUrl).toString();
        let client = others.get(key);
        if (!client) others.set(key, (client = new HttpClient({ baseUrl: key, timeoutMs })));
        return client;
      },
      memo: new EndpointMemo(),
      log: silentLogger,
      secret: async (name) => o.secrets[name],
    },
    close: async () => {
      await Promise.all([http, ...others.values()].map((c) => c.close()));
    },
  };
}

export type Who = 'admin' | 'member' | 'appCredential';

/** Endpoint settings and secrets that sign in as one of the simulator's users. */
export function signInAs(sim: OpenStackSim, who: Who, extra: Record<string, string> = {}): Pick<ContextOptions, 'settings' | 'secrets'> {
  if (who === 'appCredential') {
    return { settings: { auth_type: 'v3applicationcredential', application_credential_id: sim.credentials.appCredential.id, region_name: 'RegionOne', ...extra }, secrets: { application_credential_secret: sim.credentials.appCredential.secret } };
  }
  const c = sim.credentials[who];
  return {
    settings: { auth_type: 'password', username: c.username, user_domain_name: c.userDomainName, project_name: c.projectName, project_domain_name: 'Default', region_name: 'RegionOne', ...extra },
    secrets: { password: c.password },
  };
}

export interface SharedOpenStackSim {
  /** The file's simulator (started before all tests, reset after each). */
  sim(): OpenStackSim;
  /** A context signed in as `who` (default: the project member; region RegionOne, public interface unless `extra` says otherwise), closed after each test. */
  context(who?: Who, extra?: Record<string, string>, url?: string): ProviderContext;
}

/** Call at the top of a test file: one simulator for the file, contexts (on a `kind` endpoint, default cinder) closed after each test. */
export function useOpenStackSim({ kind, ...options }: OpenStackSimOptions & { kind?: EndpointKind } = {}): SharedOpenStackSim {
  let started: OpenStackSim | undefined;
  const opened: TestContext[] = [];
  beforeAll(async () => {
    started = await startOpenStackSim({ port: 0, timeScale: 0.05, seed: 1, ...options });
  });
  afterAll(() => started?.close());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    started?.reset();
  });
  const sim = () => {
    if (!started) throw new Error('The OpenStack simulator only exists inside tests');
    return started;
  };
  return {
    sim,
    context: (who = 'member', extra = {}, url) => {
      const made = makeOpenStackContext({ kind, url: url ?? sim().authUrl, ...signInAs(sim(), who, extra) });
      opened.push(made);
      return made.ctx;
    },
  };
}
