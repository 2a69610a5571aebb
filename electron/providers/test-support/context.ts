import type { Endpoint, EndpointKind } from '../../../shared/domain';
import { EndpointMemo } from '../../core/endpoint-memo';
import { HttpClient } from '../../core/http/http-client';
import { silentLogger, type Logger } from '../../core/log/logger';
import type { ProviderContext } from '../provider';

export interface TestContext {
  ctx: ProviderContext;
  close(): Promise<void>;
}

export interface TestContextOptions {
  kind: EndpointKind;
  /** The endpoint's display name ("Juju under test"). */
  name: string;
  url: string;
  /** Default 5 s. */
  timeoutMs?: number;
  /** The endpoint's trust: its CA, a pinned fingerprint. */
  tls?: Endpoint['tls'];
  /** The name the clients check the certificate for, where it is not the URL's host (Juju's `juju-apiserver`). */
  serverName?: string;
  settings?: Record<string, string>;
  secrets?: Record<string, string>;
  memo?: EndpointMemo;
  /** Default: silent. Handed to the provider and to its HTTP clients. */
  log?: Logger;
}

/** A stored endpoint `ep-<kind>` with these fields, created at the epoch. */
export function testEndpoint(o: Omit<TestContextOptions, 'serverName' | 'memo' | 'log'>): Endpoint {
  return {
    id: `ep-${o.kind}`,
    kind: o.kind,
    name: o.name,
    url: o.url,
    timeoutMs: o.timeoutMs ?? 5_000,
    tls: o.tls ?? {},
    settings: o.settings ?? {},
    createdAt: new Date(0).toISOString(),
    secretsSet: Object.keys(o.secrets ?? {}),
  };
}

/**
 * A ProviderContext like the core builds (see core/connections.ts): a pooled client for the
 * endpoint's URL and one more per other base URL, with the same trust and timeout; a real memo; the
 * secrets given. `close()` closes every client it made.
 */
export function makeTestContext(o: TestContextOptions): TestContext {
  const endpoint = testEndpoint(o);
  const secrets = o.secrets ?? {};
  const log = o.log ?? silentLogger;
  const clientFor = (baseUrl: string) => new HttpClient({ baseUrl, timeoutMs: endpoint.timeoutMs, tls: { ...endpoint.tls, serverName: o.serverName }, log });
  const http = clientFor(o.url);
  const others = new Map<string, HttpClient>();
  return {
    ctx: {
      endpoint,
      http,
      httpFor: (baseUrl) => {
        const key = new URL(baseUrl).toString();
        if (key === http.baseUrl) return http;
        let client = others.get(key);
        if (!client) others.set(key, (client = clientFor(key)));
        return client;
      },
      memo: o.memo ?? new EndpointMemo(),
      log,
      secret: async (name) => secrets[name],
    },
    close: async () => {
      await Promise.all([http, ...others.values()].map((c) => c.close()));
    },
  };
}
