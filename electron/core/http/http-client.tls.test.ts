import { X509Certificate } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { request as undiciRequest } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from './http-client';
import { appErrorOf, okJson, useHttpTestKit } from './test-kit';
import { makeTestPki, type TestPki } from './test-tls';

const { startServer, client } = useHttpTestKit();

// ---------------------------------------------------------------------------------------------
// TLS. Verification is never switched off: trust is only ever added through tls.caPem / pinned.
// ---------------------------------------------------------------------------------------------

describe('HttpClient TLS trust', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki();
  });
  afterAll(() => pki?.cleanup());

  const serverFingerprint = () => fingerprintOf(new X509Certificate(pki.server.certPem));

  it('fingerprintOf matches X509Certificate.fingerprint256 (the format users paste)', () => {
    const cert = new X509Certificate(pki.server.certPem);
    expect(fingerprintOf(cert)).toBe(cert.fingerprint256);
    expect(fingerprintOf(cert)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('rejects a server whose CA is not trusted with code tls and a CA/fingerprint hint, before sending the request', async () => {
    const server = await startServer(okJson, pki.server);
    const http = client({ baseUrl: server.url });
    const error = await appErrorOf(http.request({ path: 'backups' }));
    expect(error.code).toBe('tls');
    expect(error.message).toContain(`${server.url}/backups`);
    expect(error.hint).toMatch(/CA certificate/);
    expect(error.hint).toMatch(/fingerprint/);
    expect(server.seen).toHaveLength(0);
  });

  it('trusts the same server once its CA is given in tls.caPem', async () => {
    const server = await startServer(okJson, pki.server);
    const http = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem } });
    const res = await http.request({ path: 'backups' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('also works through the DNS name in the certificate (localhost)', async () => {
    const server = await startServer(okJson, pki.server);
    const http = client({ baseUrl: `https://localhost:${server.port}`, tls: { caPem: pki.ca.certPem } });
    const res = await http.request({ path: 'x' });
    expect(await res.json()).toEqual({ ok: true });
  });

  it('succeeds with the CA plus the right leaf fingerprint pinned', async () => {
    const server = await startServer(okJson, pki.server);
    const pin = serverFingerprint();
    expect(pin).toBe(new X509Certificate(pki.server.certPem).fingerprint256);
    const http = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: pin } });
    const res = await http.request({ path: 'backups' });
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses with certificate-changed, naming both fingerprints, when the server presents another certificate than the pinned one, before sending the request', async () => {
    const server = await startServer(okJson, pki.server);
    const wrongPin = new X509Certificate(pki.ca.certPem).fingerprint256;
    const http = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: wrongPin } });
    const error = await appErrorOf(http.request({ path: 'backups' }));
    expect(error.code).toBe('certificate-changed');
    expect(error.message).toContain(serverFingerprint());
    expect(error.message).toContain(wrongPin);
    expect(error.hint).toMatch(/console/);
    expect(server.seen).toHaveLength(0);
  });

  it('an accepted (pinned) certificate stands in for the host-name check; without a pin the name is checked', async () => {
    const server = await startServer(okJson, pki.wrongHost);
    const trusted = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem } });
    expect((await appErrorOf(trusted.request({ path: 'x' }))).code).toBe('tls');
    const pinned = client({
      baseUrl: server.url,
      tls: { caPem: pki.ca.certPem, fingerprint256: new X509Certificate(pki.wrongHost.certPem).fingerprint256 },
    });
    expect(await (await pinned.request({ path: 'x' })).json()).toEqual({ ok: true });
    expect(server.seen).toHaveLength(1);
  });

  it('trusts an accepted leaf whose issuing CA the server does not send (the leaf itself as trust anchor, pinned)', async () => {
    const server = await startServer(okJson, pki.server);
    const leafOnly = client({ baseUrl: server.url, tls: { caPem: pki.server.certPem } });
    expect((await appErrorOf(leafOnly.request({ path: 'x' }))).code).toBe('tls');
    const accepted = client({ baseUrl: server.url, tls: { caPem: pki.server.certPem, fingerprint256: serverFingerprint() } });
    expect(await (await accepted.request({ path: 'x' })).json()).toEqual({ ok: true });
  });

  it('checks the certificate against a fixed server name when given (Juju names juju-apiserver), and still against the CA', async () => {
    const server = await startServer(okJson, pki.wrongHost);
    const named = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, serverName: 'backup.example.invalid' } });
    expect(await (await named.request({ path: 'x' })).json()).toEqual({ ok: true });
    const otherName = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, serverName: 'juju-apiserver' } });
    expect((await appErrorOf(otherName.request({ path: 'x' }))).code).toBe('tls');
    const untrustedCa = client({ baseUrl: server.url, tls: { serverName: 'backup.example.invalid' } });
    expect((await appErrorOf(untrustedCa.request({ path: 'x' }))).code).toBe('tls');
  });

  it('self-signed server: untrusted fails with tls; its own certificate as caPem works (with or without its pin)', async () => {
    const server = await startServer(okJson, pki.selfSigned);
    const fingerprint = new X509Certificate(pki.selfSigned.certPem).fingerprint256;

    const untrusted = client({ baseUrl: server.url });
    expect((await appErrorOf(untrusted.request({ path: 'x' }))).code).toBe('tls');

    const trusted = client({ baseUrl: server.url, tls: { caPem: pki.selfSigned.certPem } });
    expect(await (await trusted.request({ path: 'x' })).json()).toEqual({ ok: true });

    const trustedAndPinned = client({ baseUrl: server.url, tls: { caPem: pki.selfSigned.certPem, fingerprint256: fingerprint } });
    expect(await (await trustedAndPinned.request({ path: 'x' })).json()).toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
  });

  it('a pin adds to verification and never replaces it: a pin alone does not make a self-signed server trusted', async () => {
    const server = await startServer(okJson, pki.selfSigned);
    const pinOnly = client({ baseUrl: server.url, tls: { fingerprint256: new X509Certificate(pki.selfSigned.certPem).fingerprint256 } });
    const error = await appErrorOf(pinOnly.request({ path: 'x' }));
    expect(error.code).toBe('tls');
    expect(error.hint).toMatch(/Review certificate/);
    expect(server.seen).toHaveLength(0);
  });

  it('keeps trust per endpoint: clients with and without the CA, in the same process, against the same server', async () => {
    const server = await startServer(okJson, pki.server);
    const withCa = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem } });
    const withoutCa = client({ baseUrl: server.url });
    const wronglyPinned = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: new X509Certificate(pki.ca.certPem).fingerprint256 } });

    // Trusted first, then untrusted: the CA (and the warm TLS session) must not carry over.
    expect(await (await withCa.request({ path: 'a' })).json()).toEqual({ ok: true });
    expect((await appErrorOf(withoutCa.request({ path: 'b' }))).code).toBe('tls');

    // Interleaved, concurrently: each keeps its own verdict.
    const outcomes = await Promise.allSettled([
      withoutCa.request({ path: 'c' }),
      withCa.request({ path: 'd' }).then((r) => r.json()),
      wronglyPinned.request({ path: 'e' }),
      withCa.request({ path: 'f' }).then((r) => r.json()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'tls' });
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'certificate-changed' });

    // Untrusted after trusted still fails, and the trusted one still works afterwards.
    expect((await appErrorOf(withoutCa.request({ path: 'g' }))).code).toBe('tls');
    expect(await (await withCa.request({ path: 'h' })).json()).toEqual({ ok: true });
    expect(server.seen.map((s) => s.url).sort()).toEqual(['/a', '/d', '/f', '/h']);
  });

  it('leaks no trust into the process-wide defaults (node:https global agent, undici global dispatcher)', async () => {
    const server = await startServer(okJson, pki.server);
    const withCa = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: serverFingerprint() } });
    expect(await (await withCa.request({ path: 'trusted' })).json()).toEqual({ ok: true });

    const viaHttps = await new Promise<Error | undefined>((resolve) => {
      const req = httpsRequest(`${server.url}/global-https`, (res) => {
        res.resume();
        resolve(undefined);
      });
      req.on('error', resolve);
      req.end();
    });
    expect(viaHttps).toBeInstanceOf(Error);
    expect((viaHttps as NodeJS.ErrnoException).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');

    await expect(undiciRequest(`${server.url}/global-undici`)).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(server.seen.map((s) => s.url)).toEqual(['/trusted']);
  });
});
