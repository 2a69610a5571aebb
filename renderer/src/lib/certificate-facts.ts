import type { CertificateInfo } from '../../../shared/contract';

/** Whether a certificate's validity window contains `nowMs`; 'unknown' when its dates cannot be read. */
export type CertificateValidity = 'valid' | 'expired' | 'not-yet-valid' | 'unknown';

export function certificateValidity(cert: Pick<CertificateInfo, 'validFrom' | 'validTo'>, nowMs: number): CertificateValidity {
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  if (Number.isNaN(from) || Number.isNaN(to)) return 'unknown';
  if (nowMs < from) return 'not-yet-valid';
  if (nowMs > to) return 'expired';
  return 'valid';
}

/** OpenSSL / Node verification codes, in the operator's words. */
const verificationReasons: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The certificate is self-signed: no certificate authority this computer trusts vouches for it.',
  SELF_SIGNED_CERT_IN_CHAIN: 'The certificate chain ends in a self-signed root that this computer does not trust.',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'It is signed by a certificate authority this computer does not know.',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'It is signed by a certificate authority this computer does not know.',
  UNABLE_TO_GET_ISSUER_CERT: 'It is signed by a certificate authority this computer does not know.',
  CERT_HAS_EXPIRED: 'The certificate has expired.',
  CERT_NOT_YET_VALID: 'The certificate is not valid yet: check the clocks of this computer and of the device.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'The certificate is issued for another name than the host in the URL.',
  CERT_REVOKED: 'The certificate has been revoked.',
};

/** Why the system refuses the certificate, in words, with the technical code kept for a search or a support ticket. */
export function explainVerificationError(code: string): string {
  const reason = verificationReasons[code];
  return reason ? `${reason} (${code})` : code;
}

export function isHttpsUrl(url: string): boolean {
  return /^https:\/\/[^/]/i.test(url.trim());
}

/**
 * What a failed call says about the endpoint's certificate: 'untrusted' (a self-signed or unknown
 * certificate to review) or 'changed' (another certificate than the accepted one). Only https URLs
 * have a certificate, so nothing is offered for http.
 */
export type CertificateTrouble = 'untrusted' | 'changed';

export function certificateTrouble(code: string | undefined, url: string): CertificateTrouble | undefined {
  if (!isHttpsUrl(url)) return undefined;
  if (code === 'certificate-changed') return 'changed';
  if (code === 'tls') return 'untrusted';
  return undefined;
}

const fingerprintPattern = /(?:[0-9A-F]{2}:){31}[0-9A-F]{2}/gi;

/**
 * The fingerprint a 'certificate-changed' message names besides the accepted one: the certificate
 * the device presents now. Undefined when the message names no other (then show the message as is).
 */
export function presentedFingerprintIn(message: string, accepted: string): string | undefined {
  const named = message.match(fingerprintPattern) ?? [];
  return named.map((fp) => fp.toUpperCase()).find((fp) => fp !== accepted.trim().toUpperCase());
}
