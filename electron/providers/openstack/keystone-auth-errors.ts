import { AppError } from '../../../shared/errors';
import type { HttpResponse } from '../../core/http/http-client';
import { faultToAppError, readFault } from './faults';

/** A response header by case-insensitive name (first value). */
export function headerValue(headers: HttpResponse['headers'], wanted: string): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== wanted) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first) return first;
  }
  return undefined;
}

/** The auth URL a redirect of `…/auth/tokens` suggests: the Location without its tokens path. */
function suggestedAuthUrl(location: string): string {
  return location.replace(/\/auth\/tokens\/?(\?.*)?$/, '');
}

function redirectRefusal(res: HttpResponse): AppError {
  const raw = headerValue(res.headers, 'location');
  if (!raw) {
    return new AppError('bad-response', `Keystone answered HTTP ${res.status} (a redirect) to the sign-in at ${res.url}, without saying where to.`, 'Enter the identity URL from your clouds.yaml or openrc as the endpoint URL.');
  }
  const location = new URL(raw, res.url).toString();
  const from = new URL(res.url);
  const to = new URL(location);
  const suggested = suggestedAuthUrl(location);
  // Backup Console does not follow it: the request carries the password, and a redirect may lead anywhere.
  if (from.protocol === 'http:' && to.protocol === 'https:') {
    return new AppError(
      'validation',
      `Keystone redirects the sign-in from http to https (HTTP ${res.status} to ${location}); Backup Console does not resend your password to a redirect.`,
      `Use ${suggested} as the endpoint URL.`,
    );
  }
  return new AppError(
    'validation',
    `Keystone answered the sign-in with a redirect (HTTP ${res.status}) to ${location}; Backup Console does not resend your password to a redirect.`,
    `If that is your cloud's identity service, use ${suggested} as the endpoint URL.`,
  );
}

/**
 * Why Keystone refused `POST /v3/auth/tokens`, as an error that says what to change. Consumes the
 * body. 400 is Keystone's ValidationError ("Expecting to find domain in project"): a user,
 * project or domain field is missing or given in a form Keystone does not take.
 */
export async function signInRefusal(res: HttpResponse): Promise<AppError> {
  if (res.status >= 300 && res.status < 400) {
    await res.discard();
    return redirectRefusal(res);
  }
  if (res.status === 401) {
    const said = await readFault(res);
    return new AppError('unauthorized', `Keystone refused the sign-in${said ? `: ${said}` : ''}.`, 'Check the user, domain, project and password (or application credential) in the endpoint settings.');
  }
  if (res.status === 400) {
    const said = await readFault(res);
    return new AppError(
      'validation',
      `Keystone could not read the sign-in request${said ? `: ${said}` : ''}.`,
      'Check the user, project and domain fields in the endpoint settings: a user or project given by name needs its domain (name or ID), and an ID must be the ID itself, not a name.',
    );
  }
  if (res.status === 404) {
    await res.discard();
    return new AppError('not-found', `${res.url} is not a Keystone v3 auth URL (HTTP 404).`, 'Enter the identity URL from your clouds.yaml or openrc, e.g. https://cloud.example.com:5000/v3.');
  }
  return faultToAppError(res, { service: 'Keystone', doing: 'signing in' });
}
