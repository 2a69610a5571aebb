import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface ControllerPki {
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
}

/** Juju's controller/config.go DefaultDNSNames: every controller certificate carries them. */
export const jujuDnsNames = ['localhost', 'juju-apiserver', 'juju-mongodb', 'anything'];

const oneYearMs = 365 * 24 * 3600 * 1000;

// Key generation runs in node:crypto (native, milliseconds) instead of forge's pure-JS RSA (seconds);
// the certificates themselves are built and signed with node-forge, so no openssl binary is needed.
function rsaKeyPair(): forge.pki.rsa.KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

function certificate(serial: string, subject: forge.pki.CertificateField[], publicKey: forge.pki.PublicKey): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 10 * oneYearMs);
  cert.setSubject(subject);
  return cert;
}

function generate(): ControllerPki {
  const caKeys = rsaKeyPair();
  const caSubject = [
    { name: 'commonName', value: 'juju-generated CA for model "juju-ca"' },
    { name: 'organizationName', value: 'juju' },
  ];
  const ca = certificate('01', caSubject, caKeys.publicKey);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = rsaKeyPair();
  const server = certificate('02', [{ name: 'commonName', value: '*' }, { name: 'organizationName', value: 'juju' }], serverKeys.publicKey);
  server.setIssuer(caSubject);
  server.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...jujuDnsNames.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }] },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());

  // forge writes CRLF; Juju (Go) writes LF, and controllers.yaml carries the LF form.
  const lf = (pem: string) => pem.replace(/\r\n/g, '\n');
  return {
    caPem: lf(forge.pki.certificateToPem(ca)),
    serverCertPem: lf(forge.pki.certificateToPem(server)),
    serverKeyPem: lf(forge.pki.privateKeyToPem(serverKeys.privateKey)),
  };
}

let cached: ControllerPki | undefined;

/** One CA + server certificate per process: every simulator in a test run shares them. */
export function controllerPki(): ControllerPki {
  cached ??= generate();
  return cached;
}

/** Looks like the `ca-private-key` Juju 2.x puts in backup metadata; not a usable key. The app must never show or store it. */
export function fakeCaPrivateKeyPem(seedHex: string): string {
  const body = Buffer.from(`simulated juju ca private key ${seedHex} `.repeat(20)).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return ['-----BEGIN RSA PRIVATE KEY-----', ...lines, '-----END RSA PRIVATE KEY-----', ''].join('\n');
}
