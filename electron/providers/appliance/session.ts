import { AppError } from '../../../shared/errors';
import { parseWire, type HttpResponse } from '../../core/http/http-client';
import type { ProviderContext } from '../provider';
import { deviceClient } from './device-url';
import { explainRefusal, readErrorBody } from './errors';
import { refreshDueMs, tokenLifetimeMs } from './session-expiry';
import { parseApplianceSettings } from './settings';
import { tokenResponseSchema, type LoginRequest, type RefreshRequest } from './wire-schemas';

export type AuthVersion = '2.0' | '1.0';

/** What `ctx.memo` keeps between calls; the tokens never reach a log or a message. */
export interface ApplianceSession {
  accessToken: string;
  refreshToken?: string;
  /** This computer's clock when the token arrived. */
  obtainedAtMs: number;
  lifetimeMs: number;
  authVersion: AuthVersion;
  username: string;
}

const SESSION_KEY = 'appliance.session';
const VERSION_KEY = 'appliance.authVersion';

export interface SessionOptions {
  /** Per-request timeout (short while the appliance reboots). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const tokenPath = (version: AuthVersion) => `api/mgmt.aaa/${version}/token`;

export function sessionOf(ctx: ProviderContext): ApplianceSession | undefined {
  return ctx.memo.get<ApplianceSession>(SESSION_KEY);
}

/** Forgets the token (a 401, a reboot); `everything` also forgets which token route worked (a factory reset). */
export function dropSession(ctx: ProviderContext, everything = false): void {
  ctx.memo.delete(SESSION_KEY);
  if (everything) ctx.memo.delete(VERSION_KEY);
}

async function readToken(res: HttpResponse, username: string, version: AuthVersion, previous?: ApplianceSession): Promise<ApplianceSession> {
  const receivedAtMs = Date.now();
  const body = parseWire(tokenResponseSchema, await res.json(), res.url);
  const date = res.headers['date'];
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? previous?.refreshToken,
    obtainedAtMs: receivedAtMs,
    lifetimeMs: tokenLifetimeMs(body, typeof date === 'string' ? date : undefined, receivedAtMs),
    authVersion: version,
    username,
  };
}

async function loginRefused(res: HttpResponse, username: string): Promise<AppError> {
  const said = readErrorBody(await res.text().catch(() => ''));
  if (res.status === 401) {
    return new AppError(
      'unauthorized',
      `The appliance refused to sign in user "${username}": wrong user name or password${said.text ? ` ("${said.text.replace(/[.\s]+$/, '')}")` : ''}.`,
      'Check the user and the password in the endpoint settings. After a factory reset the admin password is the factory default again.',
    );
  }
  return explainRefusal(res.status, said, `sign in user "${username}"`);
}

/** POST …/mgmt.aaa/2.0/token, or 1.0 on a 404 (AppResponse up to 11.5); the route that worked is remembered. */
async function passwordLogin(ctx: ProviderContext, o: SessionOptions): Promise<ApplianceSession> {
  const { username } = parseApplianceSettings(ctx.endpoint.settings);
  const password = await ctx.secret('password');
  if (!password) throw new AppError('validation', `No password is stored for appliance user "${username}".`, 'Enter the password in the endpoint settings.');
  const client = deviceClient(ctx);
  const known = ctx.memo.get<AuthVersion>(VERSION_KEY);
  const order: AuthVersion[] = known === '1.0' ? ['1.0', '2.0'] : ['2.0', '1.0'];
  // No refresh token: appliances keep at most 25 per user and revoke the oldest, which may be another
  // tool's for the same account, and nothing here would ever revoke ours. A token near its end is
  // replaced by signing in again with the stored password (see validSession).
  const body: LoginRequest = { user_credentials: { username, password }, generate_refresh_token: false };
  for (const version of order) {
    const res = await client.request({ method: 'POST', path: tokenPath(version), json: body, timeoutMs: o.timeoutMs, signal: o.signal, resendable: true });
    if (res.status === 404) {
      await res.discard();
      continue;
    }
    if (res.status !== 201 && res.status !== 200) throw await loginRefused(res, username);
    const session = await readToken(res, username, version);
    ctx.memo.set(VERSION_KEY, version);
    ctx.memo.set(SESSION_KEY, session);
    ctx.log.info('Signed in to the appliance', { user: username, authVersion: version, tokenLifetimeS: Math.round(session.lifetimeMs / 1000) });
    return session;
  }
  throw new AppError(
    'unsupported',
    `${client.baseUrl} has no token service at /api/mgmt.aaa/2.0/token or /api/mgmt.aaa/1.0/token.`,
    'Check that the URL is the address of an appliance with the npm.backup REST API (AppResponse, Portal), such as https://appliance.example.com.',
  );
}

/**
 * Signs in with the password now, whatever the memo holds (a connection test must prove the password).
 * Parallel callers each sign in: sharing one sign-in would tie a job to another job's cancel or timeout.
 */
export function signIn(ctx: ProviderContext, o: SessionOptions = {}): Promise<ApplianceSession> {
  return passwordLogin(ctx, o);
}

/**
 * `{"refresh_token"}` on the route that worked (→ 200 with `expires_in`), only for a session that holds
 * one (Backup Console asks for none); undefined without one or when the appliance refuses it.
 */
async function refreshed(ctx: ProviderContext, session: ApplianceSession, o: SessionOptions): Promise<ApplianceSession | undefined> {
  if (!session.refreshToken) return undefined;
  const body: RefreshRequest = { refresh_token: session.refreshToken };
  const res = await deviceClient(ctx).request({ method: 'POST', path: tokenPath(session.authVersion), json: body, timeoutMs: o.timeoutMs, signal: o.signal, resendable: true });
  if (res.status !== 200 && res.status !== 201) {
    ctx.log.info('The appliance refused the refresh token; signing in again', { status: res.status });
    await res.discard();
    return undefined;
  }
  const next = await readToken(res, session.username, session.authVersion, session);
  ctx.memo.set(SESSION_KEY, next);
  return next;
}

/**
 * A token good for the next call: replaced at 80 % of its life (or 60 s before the end), or with less
 * than `minLeftMs` left (an upload wants minutes), by signing in again with the stored password, so a
 * long job never meets a 401. A session that holds a refresh token (the appliance sent one anyway)
 * redeems it first, and signs in with the password when that is refused.
 */
export async function validSession(ctx: ProviderContext, o: SessionOptions & { minLeftMs?: number } = {}): Promise<ApplianceSession> {
  const session = sessionOf(ctx);
  if (!session) return signIn(ctx, o);
  const now = Date.now();
  const age = now - session.obtainedAtMs;
  const left = session.lifetimeMs - age;
  if (age < refreshDueMs(session.lifetimeMs) && left >= (o.minLeftMs ?? 0)) return session;
  return (await refreshed(ctx, session, o)) ?? signIn(ctx, o);
}
