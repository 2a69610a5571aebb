import { AppError } from '../../../shared/errors';
import { parseWire, type HttpClient, type HttpResponse } from '../../core/http/http-client';
import { headerValue, signInRefusal } from './keystone-auth-errors';
import { tokenResponseSchema, type TokenResponse } from './keystone-wire';
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

const DEFAULT_LIFETIME_MS = 3_600_000;

/**
 * How long the token lives, measured on the server's own clock: expires_at − issued_at (or − the
 * response's Date header when issued_at is missing). The session then expires at local receipt
 * time + this, so a workstation clock that is off by hours neither signs in on every request nor
 * keeps using expired tokens. Only without either server time is the local clock compared.
 */
export function tokenLifetimeMs(body: Pick<TokenResponse['token'], 'expires_at' | 'issued_at'>, dateHeader: string | undefined, receivedAtMs: number): number {
  const expiresAtMs = Date.parse(body.expires_at);
  if (Number.isNaN(expiresAtMs)) return DEFAULT_LIFETIME_MS;
  const serverNowMs = [body.issued_at, dateHeader].map((t) => (t ? Date.parse(t) : Number.NaN)).find((t) => !Number.isNaN(t)) ?? receivedAtMs;
  return Math.max(0, expiresAtMs - serverNowMs);
}

/** Signs in to Keystone; the token must be project-scoped, since only those carry a service catalog. */
export async function authenticate(keystone: HttpClient, settings: OpenStackSettings, secrets: KeystoneSecrets, signal?: AbortSignal): Promise<KeystoneSession> {
  const res = await keystone.request({ method: 'POST', path: tokensPath(keystone.baseUrl), json: authRequestBody(settings, secrets), signal });
  const receivedAtMs = Date.now();
  if (res.status !== 201 && res.status !== 200) throw await signInRefusal(res);
  const token = subjectToken(res.headers);
  const body = parseWire(tokenResponseSchema, await res.json(), res.url).token;
  if (!token) throw new AppError('bad-response', `${res.url} signed in but sent no X-Subject-Token header.`, 'A proxy may strip the header; check the auth URL.');
  if (!body.project) {
    throw new AppError('validation', 'Keystone gave a token without a project, so it lists no services.', 'Set the project (name and domain, or ID) in the endpoint settings.');
  }
  const lifetimeMs = tokenLifetimeMs(body, headerValue(res.headers, 'date'), receivedAtMs);
  return {
    token,
    expiresAtMs: receivedAtMs + lifetimeMs,
    lifetimeMs,
    roles: body.roles.map((r) => r.name ?? r.id),
    catalog: body.catalog,
    projectId: body.project.id,
    projectName: body.project.name,
    userId: body.user.id,
    userName: body.user.name,
  };
}
