import { timingSafeEqual } from 'node:crypto';

export interface GuardRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

function header(req: GuardRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode listens on loopback, but any web page the user visits can still aim requests at
 * it. Three checks close that door: the Host header must name our own address (defeats DNS
 * rebinding), a browser Origin must be our own (defeats cross-site requests), and API calls must
 * carry the per-launch token (which only the printed URL holds).
 */
export function checkRequest(req: GuardRequest, allowedHosts: readonly string[], token: string): GuardVerdict {
  const host = header(req, 'host')?.toLowerCase();
  if (!host || !allowedHosts.includes(host)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = header(req, 'origin');
  if (origin !== undefined && !allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, status: 403, reason: 'cross-origin request' };
  }
  if (header(req, 'sec-fetch-site') === 'cross-site') return { ok: false, status: 403, reason: 'cross-site fetch' };
  if (!req.path.startsWith('/api/')) return { ok: true };
  const auth = header(req, 'authorization') ?? '';
  const match = /^Bearer (\S+)$/.exec(auth);
  if (!match || !tokensEqual(match[1], token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}
