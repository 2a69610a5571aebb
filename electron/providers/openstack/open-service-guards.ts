import { AppError } from '../../../shared/errors';
import type { CatalogChoice } from './catalog';

/**
 * Refuses a catalog URL that would carry the Keystone token in cleartext while the sign-in itself
 * was protected: auth URL https, service URL http (a TLS-terminating proxy in front of Keystone
 * with the catalog still listing the internal http address is the usual cause). Plain http on
 * both sides (a lab, the simulator) is the operator's own choice and stays allowed.
 */
export function refuseCleartextToken(authUrl: string, choice: CatalogChoice, label: string): void {
  const auth = new URL(authUrl);
  const service = new URL(choice.url);
  if (auth.protocol !== 'https:' || service.protocol !== 'http:') return;
  const where = `${choice.interface} interface${choice.region ? `, region ${choice.region}` : ''}`;
  throw new AppError(
    'validation',
    `Keystone's catalog lists ${label} at ${service.origin} (plain http, ${where}) although you sign in over https; Backup Console does not send your token over cleartext HTTP, so it stopped.`,
    `Ask the cloud operator to register an https ${choice.interface} endpoint for ${label} in the Keystone catalog, or set the Interface (or Region) setting to one whose ${label} URL is https.`,
  );
}

/**
 * A TLS failure on a catalog host other than Keystone's, while a fingerprint is pinned: the pin is
 * the certificate of the auth URL's host, yet every host of the endpoint is checked against it.
 * Says so, instead of a bare "fingerprint does not match".
 */
export function explainPinOnOtherHost(error: unknown, o: { authUrl: string; serviceUrl: string; pinned?: string; label: string }): unknown {
  if (!(error instanceof AppError) || error.code !== 'tls' || !o.pinned) return error;
  const authHost = new URL(o.authUrl).host;
  const serviceHost = new URL(o.serviceUrl).host;
  if (authHost === serviceHost) return error;
  return new AppError(
    'tls',
    `${o.label} is at ${serviceHost}, another host than Keystone (${authHost}). The endpoint's pinned fingerprint applies to Keystone only, so ${serviceHost}'s certificate must be signed by a CA this computer or the endpoint trusts, and it is not. ${error.message}`,
    `Paste the CA certificate that signed ${serviceHost}'s certificate (for a self-signed server, the certificate itself) in the endpoint's TLS settings, next to Keystone's. Verification stays on either way.`,
  );
}
