import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import type { CertificateInfo } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { networkErrorToAppError } from './network-errors';

export interface PeerCertificateOptions {
  timeoutMs: number;
  /** The name to verify against when it is not the URL's host (Juju's `juju-apiserver`). */
  serverName?: string;
}

function describe(cert: X509Certificate, address: string, verificationError: string | undefined): CertificateInfo {
  return {
    address,
    fingerprint256: cert.fingerprint256,
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    ...(cert.subjectAltName ? { subjectAltName: cert.subjectAltName } : {}),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    selfSigned: cert.checkIssued(cert) && cert.verify(cert.publicKey),
    pem: cert.toString(),
    ...(verificationError ? { verificationError } : {}),
  };
}

/**
 * Reads the certificate an https server presents so the operator can compare its SHA-256 with the
 * device's console before trusting it. Verification stays on: the certificate is read during the
 * handshake, before Node's verifier refuses an untrusted one and closes the socket, and nothing is
 * ever sent over the connection.
 */
export function readPeerCertificate(url: string, options: PeerCertificateOptions): Promise<CertificateInfo> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.reject(new AppError('validation', 'Only https URLs have a certificate to inspect.'));
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || 443);
  const address = `${target.hostname}:${port}`;
  return new Promise((resolve, reject) => {
    let presented: X509Certificate | undefined;
    // SNI (and the name checked) is the device's name; an IP address is not sent as SNI.
    const socket: TLSSocket = connect({ host, port, servername: options.serverName ?? (isIP(host) ? undefined : host) });
    // 'secure' fires when the handshake completes, before Node verifies the chain and the name
    // (tls.connect's own listener on the same event); prepending puts this read first.
    socket.prependListener('secure', () => {
      presented = socket.getPeerX509Certificate();
    });
    const timer = setTimeout(() => socket.destroy(new AppError('timeout', `${address} did not complete a TLS handshake in time.`, 'Check the host and port, and that the device is up.')), options.timeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (presented) resolve(describe(presented, address, error ? ((error as NodeJS.ErrnoException).code ?? error.message) : undefined));
      else reject(error instanceof AppError ? error : networkErrorToAppError(error ?? new Error('no certificate was presented'), url));
    };
    socket.once('secureConnect', () => finish());
    socket.once('error', (error) => finish(error));
  });
}
