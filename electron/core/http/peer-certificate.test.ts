import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPeerCertificate } from './peer-certificate';
import { appErrorOf, closedPort, okJson, useHttpTestKit } from './test-kit';
import { makeTestPki, type TestPki } from './test-tls';

const { startServer } = useHttpTestKit();

describe('readPeerCertificate', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki();
  });
  afterAll(() => pki?.cleanup());

  it('reads an untrusted self-signed certificate without trusting it or sending a request', async () => {
    const server = await startServer(okJson, pki.selfSigned);
    const info = await readPeerCertificate(server.url, { timeoutMs: 5_000 });
    const expected = new X509Certificate(pki.selfSigned.certPem);
    expect(info.fingerprint256).toBe(expected.fingerprint256);
    expect(info.selfSigned).toBe(true);
    expect(info.verificationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(new X509Certificate(info.pem).fingerprint256).toBe(expected.fingerprint256);
    expect(info.address).toBe(`127.0.0.1:${server.port}`);
    expect(new Date(info.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(server.seen).toHaveLength(0);
  });

  it('says why a CA-signed certificate is refused (unknown CA), and that it is not self-signed', async () => {
    const server = await startServer(okJson, pki.server);
    const info = await readPeerCertificate(server.url, { timeoutMs: 5_000 });
    expect(info.selfSigned).toBe(false);
    expect(info.verificationError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(info.issuer).not.toBe(info.subject);
  });

  it('answers unreachable, not a certificate, when nothing listens', async () => {
    const error = await appErrorOf(readPeerCertificate(`https://127.0.0.1:${await closedPort()}`, { timeoutMs: 5_000 }));
    expect(error.code).toBe('unreachable');
  });

  it('refuses plain http URLs', async () => {
    expect((await appErrorOf(readPeerCertificate('http://127.0.0.1:1', { timeoutMs: 1_000 }))).code).toBe('validation');
  });
});
