import type { Endpoint } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Provider, ProviderContext } from '../providers/provider';
import type { ProviderRegistry } from '../providers/registry';
import { EndpointMemo } from './endpoint-memo';
import { HttpClient } from './http/http-client';
import type { Logger, SecretRedactor } from './log/logger';
import { endpointSecretKey, type SecretStore } from './secrets/secret-store';

interface CachedClient {
  key: string;
  client: HttpClient;
  /** Pools for the endpoint's other base URLs (Keystone catalog services), same trust and timeout. */
  others: Map<string, HttpClient>;
}

/**
 * A pinned fingerprint belongs to the certificate of the endpoint's own host (Keystone); services on
 * other hosts of the same cloud are verified against the endpoint's CA (or the system's), never unverified.
 */
export function trustFor(url: string, endpointUrl: string, tls: Endpoint['tls']): Endpoint['tls'] {
  if (!tls.fingerprint256 || new URL(url).host === new URL(endpointUrl).host) return tls;
  return tls.caPem ? { caPem: tls.caPem } : {};
}

/**
 * Builds the context a provider needs for one endpoint: one pooled HTTP client per endpoint
 * (rebuilt when its URL, timeout or TLS trust changes) and the discovered base URL when the
 * config leaves it empty.
 */
export class Connections {
  private readonly clients = new Map<string, CachedClient>();
  private readonly discovered = new Map<string, string>();
  private readonly memos = new Map<string, EndpointMemo>();

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly secrets: SecretStore,
    private readonly redactor: SecretRedactor,
    private readonly log: Logger,
  ) {}

  providerFor(endpoint: Endpoint): Provider {
    return this.providers.get(endpoint.kind);
  }

  /** What the provider learnt about this endpoint so far (empty until it signs in). */
  memoFor(endpointId: string): EndpointMemo {
    let memo = this.memos.get(endpointId);
    if (!memo) {
      memo = new EndpointMemo();
      this.memos.set(endpointId, memo);
    }
    return memo;
  }

  async contextFor(endpoint: Endpoint, draftSecrets?: Record<string, string>): Promise<ProviderContext> {
    const provider = this.providerFor(endpoint);
    const log = this.log.child({ endpoint: endpoint.name, kind: endpoint.kind });
    const baseUrl = await this.baseUrlFor(endpoint, provider, log);
    const key = JSON.stringify([baseUrl, endpoint.timeoutMs, endpoint.tls]);
    let cached = this.clients.get(endpoint.id);
    if (!cached || cached.key !== key) {
      if (cached) this.closePools(cached);
      cached = { key, client: new HttpClient({ baseUrl, timeoutMs: endpoint.timeoutMs, tls: { ...endpoint.tls, serverName: provider.tlsServerName }, log }), others: new Map() };
      this.clients.set(endpoint.id, cached);
      this.memos.delete(endpoint.id);
    }
    const pools = cached;
    return {
      endpoint,
      http: pools.client,
      httpFor: (otherBaseUrl) => {
        const normalised = new URL(otherBaseUrl).toString();
        if (normalised === pools.client.baseUrl) return pools.client;
        let client = pools.others.get(normalised);
        if (!client) {
          client = new HttpClient({ baseUrl: normalised, timeoutMs: endpoint.timeoutMs, tls: { ...trustFor(normalised, pools.client.baseUrl, endpoint.tls), serverName: provider.tlsServerName }, log });
          pools.others.set(normalised, client);
        }
        return client;
      },
      memo: this.memoFor(endpoint.id),
      log,
      secret: async (name) => {
        const value = draftSecrets?.[name] ?? (await this.secrets.get(endpointSecretKey(endpoint.id, name)));
        this.redactor.add(value);
        return value;
      },
    };
  }

  private async baseUrlFor(endpoint: Endpoint, provider: Provider, log: Logger): Promise<string> {
    if (endpoint.url) return endpoint.url;
    const known = this.discovered.get(endpoint.id);
    if (known) return known;
    if (!provider.resolveBaseUrl) {
      throw new AppError('validation', `${endpoint.name} has no URL.`, 'Edit the endpoint and enter its URL.');
    }
    const url = await provider.resolveBaseUrl(endpoint, log);
    this.discovered.set(endpoint.id, url);
    return url;
  }

  /** Drops the pooled client and any discovered URL, e.g. after the endpoint changed or went away. */
  forget(endpointId: string): void {
    const cached = this.clients.get(endpointId);
    if (cached) this.closePools(cached);
    this.clients.delete(endpointId);
    this.discovered.delete(endpointId);
    this.memos.delete(endpointId);
  }

  private closePools(cached: CachedClient): void {
    this.closeQuietly(cached.client);
    for (const client of cached.others.values()) this.closeQuietly(client);
  }

  /** Closing a pool that in-flight work already closed rejects; that is not worth an unhandled rejection. */
  private closeQuietly(client: HttpClient): void {
    client.close().catch((error: unknown) => this.log.debug('closing an HTTP pool failed', { error }));
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.clients.values()].flatMap((c) => [c.client, ...c.others.values()]).map((client) => client.close()));
    this.clients.clear();
  }
}
