import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Throwaway certificates for TLS tests, made with the openssl CLI into a temp dir.
 * EC P-256 keys keep it fast. Nothing here weakens verification: the tests trust these
 * certificates only through an HttpClient's own `tls.caPem`.
 */

export interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

export interface TestPki {
  /** A private CA (self-signed, CA:TRUE). */
  ca: KeyAndCert;
  /** A leaf signed by `ca` for IP:127.0.0.1 and DNS:localhost. */
  server: KeyAndCert;
  /** A leaf signed by `ca` for a host name that is not 127.0.0.1 (hostname-mismatch cases). */
  wrongHost: KeyAndCert;
  /** A self-signed leaf for IP:127.0.0.1 and DNS:localhost, not related to `ca`. */
  selfSigned: KeyAndCert;
  /** Removes the temp dir. */
  cleanup(): void;
}

const OPENSSL = process.env.OPENSSL_BIN || 'openssl';

function openssl(args: string[], cwd: string): void {
  execFileSync(OPENSSL, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function newKey(dir: string, name: string): string {
  const file = `${name}.key`;
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], dir);
  return file;
}

/** A random positive 64-bit serial (first hex digit forced to 1..7). */
function randomSerial(): string {
  return '0x' + randomBytes(8).toString('hex').replace(/^./, (d) => String((parseInt(d, 16) % 7) + 1));
}

/** A config that only carries what we set here, so the distro's openssl.cnf does not matter. */
function writeConfig(dir: string, name: string, commonName: string, extensions: string[]): string {
  const file = `${name}.cnf`;
  writeFileSync(
    join(dir, file),
    ['[req]', 'distinguished_name = dn', 'prompt = no', '', '[dn]', `CN = ${commonName}`, '', '[ext]', ...extensions, ''].join('\n'),
  );
  return file;
}

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

function selfSignedCert(dir: string, name: string, commonName: string, extensions: string[]): KeyAndCert {
  const key = newKey(dir, name);
  const cnf = writeConfig(dir, name, commonName, extensions);
  openssl(['req', '-new', '-x509', '-key', key, '-out', `${name}.crt`, '-days', '2', '-set_serial', randomSerial(), '-config', cnf, '-extensions', 'ext'], dir);
  return { keyPem: read(dir, key), certPem: read(dir, `${name}.crt`) };
}

function leafSignedBy(dir: string, name: string, commonName: string, subjectAltName: string, caName: string): KeyAndCert {
  const key = newKey(dir, name);
  const cnf = writeConfig(dir, name, commonName, [
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature',
    'extendedKeyUsage = serverAuth',
    `subjectAltName = ${subjectAltName}`,
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
  ]);
  openssl(['req', '-new', '-key', key, '-out', `${name}.csr`, '-config', cnf], dir);
  openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', `${caName}.crt`, '-CAkey', `${caName}.key`, '-set_serial', randomSerial(), '-days', '2', '-out', `${name}.crt`, '-extfile', cnf, '-extensions', 'ext'],
    dir,
  );
  return { keyPem: read(dir, key), certPem: read(dir, `${name}.crt`) };
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'bc-http-tls-'));
  try {
    const ca = selfSignedCert(dir, 'ca', 'Backup Console Test CA', [
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
    ]);
    const server = leafSignedBy(dir, 'server', 'localhost', 'IP:127.0.0.1, DNS:localhost', 'ca');
    const wrongHost = leafSignedBy(dir, 'wrong-host', 'backup.example.invalid', 'DNS:backup.example.invalid', 'ca');
    // Shaped like what an appliance generates for itself: self-signed, names the loopback host, no CA of its own.
    const selfSigned = selfSignedCert(dir, 'self-signed', 'localhost', ['subjectAltName = IP:127.0.0.1, DNS:localhost', 'subjectKeyIdentifier = hash']);
    return { ca, server, wrongHost, selfSigned, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
