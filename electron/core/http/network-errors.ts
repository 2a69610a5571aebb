import { AppError } from '../../../shared/errors';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function codeOf(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return (error as { code?: string } | undefined)?.code;
}

/** Turns a socket-level failure into an error that says what to do. */
export function networkErrorToAppError(error: unknown, url: string): AppError {
  const code = codeOf(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (TLS_CODES.has(code) || /certificate|fingerprint/i.test(detail)) {
    return new AppError('tls', `The TLS certificate of ${url} is not trusted (${code || detail}).`, 'In the endpoint\'s TLS settings, use Review certificate to compare its SHA-256 fingerprint with the device\'s console and trust it, or paste the CA certificate that signed it. Verification is never switched off.');
  }
  if (TIMEOUT_CODES.has(code)) {
    return new AppError('timeout', `${url} did not answer in time.`, 'Check that the endpoint is up, or raise its timeout in the endpoint settings.');
  }
  if (code === 'ECONNREFUSED') {
    return new AppError('unreachable', `Nothing is listening at ${url}.`, 'Check that the service is running and that the host and port are right.');
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('unreachable', `The host name in ${url} could not be resolved.`, 'Check the spelling of the host, and your DNS or VPN.');
  }
  return new AppError('unreachable', `The connection to ${url} failed (${code || detail}).`, 'Check the network path to the endpoint and try again.');
}
