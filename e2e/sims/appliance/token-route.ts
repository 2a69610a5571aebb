import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplianceContext } from './context';
import { ApiError, errorIds, invalidRequest, notFound, unsupportedMediaType } from './errors';
import { mediaType, readJsonBody, sendEmpty, sendJson } from './http-io';

const allowedKeys = new Set(['user_credentials', 'generate_refresh_token', 'refresh_token', 'state']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Token routes check Content-Type before anything else. With strictContentType (the default) only the
 * exact string `application/json` passes: `application/json; charset=utf-8` gets 415, as on some firmware.
 */
function checkJsonContentType(ctx: ApplianceContext, req: IncomingMessage): void {
  const raw = req.headers['content-type'];
  const ok = ctx.faults.strictContentType ? raw?.trim().toLowerCase() === 'application/json' : mediaType(req) === 'application/json';
  if (!ok) throw unsupportedMediaType(raw, 'application/json');
}

async function readObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req);
  if (body.kind === 'none') throw invalidRequest('A JSON request body is required');
  if (!isObject(body.value)) throw invalidRequest('The request body must be a JSON object');
  return body.value;
}

function credentialsOf(value: unknown): { username: string; password: string } {
  if (!isObject(value) || typeof value.username !== 'string' || typeof value.password !== 'string')
    throw invalidRequest('user_credentials must be {"username": string, "password": string}');
  const extra = Object.keys(value).filter((k) => k !== 'username' && k !== 'password');
  if (extra.length > 0) throw invalidRequest(`Unknown property in user_credentials: ${extra.join(', ')}`);
  return { username: value.username, password: value.password };
}

/** POST /api/mgmt.aaa/{v}/token: a password grant (201) or a refresh (200). */
async function token(ctx: ApplianceContext, version: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  checkJsonContentType(ctx, req);
  const body = await readObject(req);
  const unknown = Object.keys(body).filter((k) => !allowedKeys.has(k));
  if (unknown.length > 0) throw invalidRequest(`Unknown property: ${unknown.join(', ')}`);
  if (body.state !== undefined && typeof body.state !== 'string') throw invalidRequest('state must be a string');
  if (body.generate_refresh_token !== undefined && typeof body.generate_refresh_token !== 'boolean') throw invalidRequest('generate_refresh_token must be a boolean');
  const state = body.state === undefined ? {} : { state: body.state };
  const hasCredentials = body.user_credentials !== undefined;
  const hasRefresh = body.refresh_token !== undefined;
  if (hasCredentials === hasRefresh) throw invalidRequest('Send either user_credentials or refresh_token');

  if (hasRefresh) {
    if (typeof body.refresh_token !== 'string') throw invalidRequest('refresh_token must be a string');
    if (body.generate_refresh_token === true) throw invalidRequest('generate_refresh_token must be false when redeeming a refresh token');
    const check = ctx.tokens.redeemRefresh(body.refresh_token);
    if (!check.ok) throw new ApiError(401, check.why === 'expired' ? errorIds.expiredToken : errorIds.invalidToken, `The refresh token is ${check.why === 'expired' ? 'expired' : 'not valid'}: log in again`);
    const issued = ctx.tokens.issueAccess(check.user);
    return sendJson(res, 200, { access_token: issued.token, expires_in: ctx.tokens.lifetime, token_type: 'bearer', ...state });
  }

  const given = credentialsOf(body.user_credentials);
  if (given.username !== ctx.credentials.username || given.password !== ctx.credentials.password)
    throw new ApiError(401, errorIds.invalidCredentials, 'Invalid username or password');
  const issued = ctx.tokens.issueAccess(given.username);
  // 2.0 sends the documented Unix epoch time; 1.0 sends the bare lifetime (900), as the Riverbed KB example shows.
  const expiresAt = version === '2.0' ? issued.expiresAtS : ctx.tokens.lifetime;
  const refresh = body.generate_refresh_token === true ? { refresh_token: ctx.tokens.issueRefresh(given.username) } : {};
  sendJson(res, 201, { access_token: issued.token, expires_at: expiresAt, token_type: 'bearer', ...refresh, ...state });
}

/** POST /api/mgmt.aaa/{v}/refresh_tokens/revoke `{"refresh_token"}`: 200, no body (unknown tokens too). */
async function revoke(ctx: ApplianceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  checkJsonContentType(ctx, req);
  const body = await readObject(req);
  if (typeof body.refresh_token !== 'string' || Object.keys(body).length !== 1) throw invalidRequest('The body must be {"refresh_token": string}');
  ctx.tokens.revokeRefresh(body.refresh_token);
  sendEmpty(res, 200);
}

/** `/api/mgmt.aaa/<version>/…`: only the configured versions exist. */
export async function handleMgmtAaa(ctx: ApplianceContext, method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = /^\/api\/mgmt\.aaa\/([^/]+)\/(token|refresh_tokens\/revoke)$/.exec(path);
  if (!match || !(ctx.authVersions as readonly string[]).includes(match[1])) throw notFound(`Resource ${path}`);
  if (method !== 'POST') throw new ApiError(405, errorIds.methodNotAllowed, `Method ${method} not allowed on ${path}`);
  if (match[2] === 'token') return token(ctx, match[1], req, res);
  return revoke(ctx, req, res);
}
