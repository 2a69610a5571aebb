import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { OpenedService } from '../openstack/open-service';
import type { ProviderContext } from '../provider';
import { versionsSchema } from './wire-schemas';
import { parseWire } from '../../core/http/http-client';

/** The newest microversion this provider was written against (Cinder master's maximum). */
export const newestSupported = '3.71';
/** `metadata` in create/update bodies and in views. */
export const METADATA_SINCE = '3.43';
/** `availability_zone` in the create body. */
export const AVAILABILITY_ZONE_SINCE = '3.51';

export interface Microversion {
  /** What we send: min(server max, newestSupported). */
  version: string;
  serverMin?: string;
  serverMax?: string;
}

function parts(v: string): [number, number] {
  const [major, minor] = v.split('.').map(Number);
  return [major ?? 0, minor ?? 0];
}

export function compareVersions(a: string, b: string): number {
  const [am, an] = parts(a);
  const [bm, bn] = parts(b);
  return am !== bm ? am - bm : an - bn;
}

export const atLeast = (mv: Microversion, since: string): boolean => compareVersions(mv.version, since) >= 0;

/** The version document beside the catalog URL: …/v3/<project> → …/v3/; a URL without /v3 → the host's root list. */
export function versionDocumentUrl(catalogUrl: string): string {
  const url = new URL(catalogUrl);
  const match = /^(.*?\/v3)(\/|$)/.exec(url.pathname);
  url.pathname = match ? `${match[1]}/` : '/';
  url.search = '';
  return url.toString();
}

export function versionHeader(mv: Microversion): Record<string, string> {
  return { 'OpenStack-API-Version': `volume ${mv.version}` };
}

/** From a version document: min(server max, newestSupported). A server without numbered v3 is too old. */
export function chooseMicroversion(doc: z.output<typeof versionsSchema>): Microversion {
  const entries = doc.versions ?? (doc.version ? [doc.version] : []);
  const v3 = entries.find((e) => /^v3(\.|$)/.test(e.id) && e.version && /^\d+\.\d+$/.test(e.version));
  if (!v3?.version) {
    throw new AppError('server-too-old', `This Cinder does not offer the v3 API with microversions (it lists ${entries.map((e) => e.id).join(', ') || 'nothing'}).`, 'Backup Console needs Cinder with API v3 (OpenStack Pike or later).');
  }
  const version = compareVersions(v3.version, newestSupported) < 0 ? v3.version : newestSupported;
  return { version, serverMin: v3.min_version || undefined, serverMax: v3.version };
}

const memoKey = (service: OpenedService) => `cinder.microversion:${service.baseUrl}`;

/**
 * Reads the server's microversion range once per endpoint and settles on the newest both sides
 * know. `fresh` reads it again (the connection test, a 406): a cloud can be up- or downgraded.
 */
export async function negotiateMicroversion(ctx: ProviderContext, service: OpenedService, signal?: AbortSignal, options: { fresh?: boolean } = {}): Promise<Microversion> {
  const known = options.fresh ? undefined : ctx.memo.get<Microversion>(memoKey(service));
  if (known) return known;
  ctx.memo.delete(memoKey(service));
  const res = await service.requestUrl(versionDocumentUrl(service.baseUrl), { signal, okStatuses: [200, 300], doing: 'reading its API versions' });
  const negotiated = chooseMicroversion(parseWire(versionsSchema, await res.json(), res.url));
  ctx.memo.set(memoKey(service), negotiated);
  ctx.log.info('Cinder microversion negotiated', { ...negotiated });
  return negotiated;
}

/** "3.0 – 3.71 (using 3.71)", for the connection test. */
export function describeRange(mv: Microversion): string {
  return `${mv.serverMin ?? '3.0'} – ${mv.serverMax ?? mv.version} (using ${mv.version})`;
}
