import type { IncomingHttpHeaders } from 'node:http';
import { keystoneError, UNAUTHORIZED_MESSAGE } from '../http-io';
import type { SimBody, SimResponder } from '../sim-service';
import { resolveAuthRequest } from './auth-request';
import { buildCatalog } from './catalog';
import { tokenBody } from './token-body';
import type { TokenStore } from './tokens';

export interface KeystoneContext {
  baseUrl: string;
  tokens: TokenStore;
  tokenTtlSeconds(): number;
}

const mediaTypes = [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }];

function versionDoc(baseUrl: string) {
  return { id: 'v3.14', status: 'stable', updated: '2020-04-07T00:00:00Z', links: [{ rel: 'self', href: `${baseUrl}/identity/v3/` }], 'media-types': mediaTypes };
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Everything below `/identity`: version discovery and /v3/auth/tokens (password and application credentials). */
export async function handleKeystone(
  method: string,
  path: string,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
  body: () => Promise<SimBody>,
  res: SimResponder,
  ctx: KeystoneContext,
): Promise<void> {
  const route = path.replace(/\/+$/, '');
  const vary = { vary: 'X-Auth-Token' };
  if (route === '' && method === 'GET') {
    return res.json(300, { versions: { values: [versionDoc(ctx.baseUrl)] } }, { location: `${ctx.baseUrl}/identity/v3/`, ...vary });
  }
  if (route === '/v3' && method === 'GET') return res.json(200, { version: versionDoc(ctx.baseUrl) }, vary);

  if (route === '/v3/auth/tokens' && method === 'POST') {
    const raw = await body();
    if (raw.kind !== 'json') return keystoneError(res, 400, 'The request body is not valid JSON or is missing. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.');
    const outcome = resolveAuthRequest(raw.value);
    if (outcome.kind === 'bad') return keystoneError(res, 400, outcome.message);
    if (outcome.kind === 'unauthorized') return keystoneError(res, 401, UNAUTHORIZED_MESSAGE, { 'www-authenticate': `Keystone uri="${ctx.baseUrl}/identity"` });
    const { kind: _kind, ...fields } = outcome;
    const token = ctx.tokens.issue(fields, ctx.tokenTtlSeconds());
    return res.json(201, tokenBody(token, ctx.baseUrl, !query.has('nocatalog')), { 'x-subject-token': token.id, ...vary });
  }

  if (route === '/v3/auth/tokens' || route === '/v3/auth/catalog') {
    const caller = ctx.tokens.find(header(headers, 'x-auth-token'));
    if (!caller) return keystoneError(res, 401, UNAUTHORIZED_MESSAGE, { 'www-authenticate': `Keystone uri="${ctx.baseUrl}/identity"` });
    if (route === '/v3/auth/catalog' && method === 'GET') {
      if (!caller.project) return keystoneError(res, 403, 'A project-scoped token is required to produce a service catalog.');
      const self = `${ctx.baseUrl}/identity/v3/auth/catalog`;
      return res.json(200, { catalog: buildCatalog(ctx.baseUrl, caller.project.id), links: { self, previous: null, next: null } }, vary);
    }
    const subjectId = header(headers, 'x-subject-token');
    const subject = ctx.tokens.find(subjectId);
    if (['GET', 'HEAD', 'DELETE'].includes(method) && !subject) return keystoneError(res, 404, `Could not find token: ${subjectId ?? ''}.`);
    if (subject && (method === 'GET' || method === 'HEAD')) {
      const extra = { 'x-subject-token': subject.id, ...vary };
      return method === 'HEAD' ? res.empty(200, extra) : res.json(200, tokenBody(subject, ctx.baseUrl, !query.has('nocatalog')), extra);
    }
    if (subject && method === 'DELETE') {
      ctx.tokens.revoke(subject.id);
      return res.empty(204);
    }
    return keystoneError(res, 405, 'The method specified is not allowed for the requested URL.');
  }
  return keystoneError(res, 404, 'The resource could not be found.');
}
