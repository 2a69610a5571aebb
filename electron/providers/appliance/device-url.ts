import type { HttpClient } from '../../core/http/http-client';
import type { ProviderContext } from '../provider';

/**
 * The appliance's own address: `https://host[:port]/`. An operator may paste a REST address
 * (`https://host/api/npm.backup/1.0/backups`); everything from `/api` on is dropped, as are query and hash.
 */
export function deviceBaseUrl(url: string): string {
  const parsed = new URL(url);
  const at = parsed.pathname.search(/\/api(\/|$)/i);
  const path = at >= 0 ? parsed.pathname.slice(0, at) : parsed.pathname;
  return `${parsed.origin}${path.replace(/\/+$/, '')}/`;
}

/** The pooled client for the device base (the endpoint's own pool when the URL was already bare). */
export function deviceClient(ctx: ProviderContext): HttpClient {
  const base = deviceBaseUrl(ctx.http.baseUrl);
  return base === ctx.http.baseUrl ? ctx.http : ctx.httpFor(base);
}

export const npmBackup = (path: string) => `api/npm.backup/1.0/${path}`;
export const backupPath = (id: string, rest = '') => npmBackup(`backups/items/${encodeURIComponent(id)}${rest}`);
export const DEVICE_INFO_PATH = 'api/common/1.0/info';
