import { AppError } from '../../../shared/errors';
import { parseWire, type HttpClient, type HttpResponse } from '../../core/http/http-client';
import { faultToAppError, readFault } from './faults';
import { tokenResponseSchema } from './keystone-wire';
import type { OpenStackSettings } from './settings';
import type { KeystoneSession } from './session';

export interface KeystoneSecrets {
  password?: string;
  application_credential_secret?: string;
}

function userRef(s: OpenStackSettings): Record<string, unknown> {
  if (s.user_id) return { id: s.user_id };
  const domain = s.user_domain_id ? { id: s.user_domain_id } : { name: s.user_domain_name };
  return { name: s.username, domain };
}

/** The POST /v3/auth/tokens body for the configured method. Holds the secret: never log it. */
export function authRequestBody(s: OpenStackSettings, secrets: KeystoneSecrets): unknown {
  if (s.auth_type === 'v3applicationcredential') {
    if (!secrets.application_credential_secret) throw missingSecret('application credential secret');
    const credential = s.application_credential_id
      ? { id: s.application_credential_id, secret: secrets.application_credential_secret }
      : { name: s.application_credential_name, user: userRef(s), secret: secrets.application_credential_secret };
    // An application credential is bound to its project: Keystone refuses a scope with it.
    return { auth: { identity: { methods: ['application_credential'], application_credential: credential } } };
  }
  if (!secrets.password) throw missingSecret('password');
  const project = s.project_id
    ? { id: s.project_id }
    : { name: s.project_name, domain: s.project_domain_id ? { id: s.project_domain_id } : { name: s.project_domain_name } };
  return { auth: { identity: { methods: ['password'], password: { user: { ...userRef(s), password: secrets.password } } }, scope: { project } } };
}

function missingSecret(what: string): AppError {
  return new AppError('validation', `No ${what} is stored for this endpoint.`, `Edit the endpoint and enter the ${what}.`);
}

/** Keystone's auth URL may be given with or without its /v3 suffix. */
export function tokensPath(authUrl: string): string {
  return /\/v3\/?$/.test(new URL(authUrl).pathname) ? 'auth/tokens' : 'v3/auth/tokens';
}

export function subjectToken(headers: HttpResponse['headers']): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'x-subject-token') continue;
    const token = Array.isArray(value) ? value[0] : value;
    if (token) return token;
  }
  return undefined;
}

/** Signs in to Keystone; the token must be project-scoped, since only those carry a service catalog. */
export async function authenticate(keystone: HttpClient, settings: OpenStackSettings, secrets: KeystoneSecrets, signal?: AbortSignal): Promise<KeystoneSession> {
  const res = await keystone.request({ method: 'POST', path: tokensPath(keystone.baseUrl), json: authRequestBody(settings, secrets), signal });
  if (res.status !== 201 && res.status !== 200) {
    if (res.status === 401) {
      const said = await readFault(res);
      throw new AppError('unauthorized', `Keystone refused the sign-in${said ? `: ${said}` : ''}.`, 'Check the user, domain, project and password (or application credential) in the endpoint settings.');
    }
    if (res.status === 404) {
      await res.discard();
      throw new AppError('not-found', `${res.url} is not a Keystone v3 auth URL (HTTP 404).`, 'Enter the identity URL from your clouds.yaml or openrc, e.g. https://cloud.example.com:5000/v3.');
    }
    throw await faultToAppError(res, { service: 'Keystone', doing: 'signing in' });
  }
  const token = subjectToken(res.headers);
  const body = parseWire(tokenResponseSchema, await res.json(), res.url).token;
  if (!token) throw new AppError('bad-response', `${res.url} signed in but sent no X-Subject-Token header.`, 'A proxy may strip the header; check the auth URL.');
  if (!body.project) {
    throw new AppError('validation', 'Keystone gave a token without a project, so it lists no services.', 'Set the project (name and domain, or ID) in the endpoint settings.');
  }
  const expiresAtMs = Date.parse(body.expires_at);
  const issuedAtMs = body.issued_at ? Date.parse(body.issued_at) : Date.now();
  return {
    token,
    expiresAtMs: Number.isNaN(expiresAtMs) ? Date.now() + 3_600_000 : expiresAtMs,
    lifetimeMs: Number.isNaN(expiresAtMs) || Number.isNaN(issuedAtMs) ? 3_600_000 : Math.max(0, expiresAtMs - issuedAtMs),
    roles: body.roles.map((r) => r.name ?? r.id),
    catalog: body.catalog,
    projectId: body.project.id,
    projectName: body.project.name,
    userId: body.user.id,
    userName: body.user.name,
  };
}
