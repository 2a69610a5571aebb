import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** The only name the certificate carries: reached by IP (127.0.0.1), the normal host name check fails, as with a real appliance. */
export const applianceCertName = 'appliance.sim.local';

export interface ApplianceCertificate {
  certPem: string;
  keyPem: string;
  /** 'AA:BB:…' upper-case, as X509Certificate.fingerprint256 gives it. */
  fingerprint256: string;
}

const dayMs = 24 * 3600 * 1000;

/**
 * A self-signed leaf, the way an appliance makes one for itself on first boot: no CA, no basicConstraints, no keyUsage,
 * SAN = DNS appliance.sim.local only. The RSA key comes from node:crypto (fast); node-forge builds and signs
 * the certificate, so no openssl binary is needed.
 */
export function selfSignedCertificate(): ApplianceCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive random serial: a fresh one every time, as a re-generated appliance certificate has.
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - dayMs);
  cert.validity.notAfter = new Date(Date.now() + 3650 * dayMs);
  const subject = [
    { name: 'commonName', value: applianceCertName },
    { name: 'organizationName', value: 'Riverbed Technology (simulated)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  // No keyUsage: without keyCertSign it would make OpenSSL's X509_check_issued (X509Certificate.checkIssued)
  // deny that the certificate issued itself, and tools would not call it self-signed.
  cert.setExtensions([
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: applianceCertName }] },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
  return { certPem, keyPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}
