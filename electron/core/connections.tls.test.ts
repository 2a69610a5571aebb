import { X509Certificate } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../shared/domain';
import { createProviderRegistry } from '../providers/registry';
import { Connections } from './connections';
import { appErrorOf, okJson, useHttpTestKit } from './http/test-kit';
import { makeTestPki, type TestPki } from './http/test-tls';
import { silentLogger, SecretRedactor } from './log/logger';
import type { SecretStore } from './secrets/secret-store';

const { startServer } = useHttpTestKit();
const noSecrets = { get: async () => undefined } as unknown as SecretStore;

/** A pinned fingerprint is the endpoint host's (Keystone's); catalog services on other hosts get the CA check only. */
describe('Connections: TLS trust for an endpoint and the other hosts it names', () => {
  let keystonePki: TestPki;
  let servicePki: TestPki;
  const connections = new Connections(createProviderRegistry(), noSecrets, new SecretRedactor(), silentLogger);
  beforeAll(() => {
    keystonePki = makeTestPki();
    servicePki = makeTestPki();
  });
  afterEach(async () => connections.closeAll());
  afterAll(() => {
    keystonePki?.cleanup();
    servicePki?.cleanup();
  });

  const endpoint = (url: string, tls: Endpoint['tls']): Endpoint => ({
    id: `ep-${Math.random()}`,
    kind: 'cinder',
    name: 'Cloud',
    url,
    timeoutMs: 5_000,
    tls,
    settings: {},
    createdAt: new Date(0).toISOString(),
    secretsSet: [],
  });

  it('checks the pin on the endpoint host, and only the CA on another host', async () => {
    const keystone = await startServer(okJson, keystonePki.server);
    const service = await startServer(okJson, servicePki.server);
    const keystoneUrl = keystone.url.replace('127.0.0.1', 'localhost');
    const pin = new X509Certificate(keystonePki.server.certPem).fingerprint256;
    const ctx = await connections.contextFor(endpoint(keystoneUrl, { caPem: keystonePki.ca.certPem + servicePki.ca.certPem, fingerprint256: pin }));

    expect((await ctx.http.request({ path: 'v3' })).status).toBe(200);
    expect((await ctx.httpFor(`${service.url}/volume/v3/p`).request({ path: 'backups' })).status).toBe(200);
  });

  it('still refuses another host whose certificate no trusted CA signed: the pin never replaces verification', async () => {
    const keystone = await startServer(okJson, keystonePki.server);
    const stranger = await startServer(okJson, servicePki.server);
    const pin = new X509Certificate(keystonePki.server.certPem).fingerprint256;
    const ctx = await connections.contextFor(endpoint(keystone.url.replace('127.0.0.1', 'localhost'), { caPem: keystonePki.ca.certPem, fingerprint256: pin }));

    const error = await appErrorOf(ctx.httpFor(stranger.url).request({ path: 'backups' }));
    expect(error.code).toBe('tls');
    expect(stranger.seen).toHaveLength(0);
  });

  it('keeps the pin on the endpoint host: another certificate there is refused even when its CA is trusted', async () => {
    const impostor = await startServer(okJson, servicePki.server);
    const pin = new X509Certificate(keystonePki.server.certPem).fingerprint256;
    const ctx = await connections.contextFor(endpoint(impostor.url, { caPem: servicePki.ca.certPem, fingerprint256: pin }));
    const error = await appErrorOf(ctx.http.request({ path: 'v3' }));
    expect(error.code).toBe('certificate-changed');
    expect(error.message).toContain(pin);
  });
});
