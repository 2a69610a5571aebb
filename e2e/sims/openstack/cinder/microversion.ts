import type { IncomingHttpHeaders } from 'node:http';
import { CinderFault } from './model';

/** A Cinder 3.x microversion, kept as its minor number (3.43 → 43). */
export type Microversion = number;

export const MIN_MICROVERSION = 0;

export const mv = {
  backupUpdate: 9,
  backupProjectAttr: 18,
  resourceFilter: 31,
  backupSortName: 37,
  backupMetadata: 43,
  supportCountInfo: 45,
  backupAz: 51,
  backupUserId: 56,
  projectIdOptional: 67,
  encryptionKeyId: 64,
} as const;

export function parseMaxMicroversion(text: string): Microversion {
  const match = /^3\.(\d+)$/.exec(text);
  if (!match) throw new Error(`cinderMaxMicroversion must look like 3.N, got ${text}`);
  return Number(match[1]);
}

export const formatMicroversion = (v: Microversion) => `3.${v}`;

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The requested microversion, as cinder/api/openstack/wsgi.py reads it: `OpenStack-API-Version: volume 3.N`
 * (or `volume latest`); no header (or no `volume` entry) → 3.0; a malformed version → 400; out of range → 406.
 */
export function requestedMicroversion(headers: IncomingHttpHeaders, max: Microversion): Microversion {
  const raw = headerValue(headers, 'openstack-api-version');
  if (raw === undefined) return MIN_MICROVERSION;
  const entry = raw
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .find(([service]) => service?.toLowerCase() === 'volume');
  if (!entry) return MIN_MICROVERSION;
  const version = entry.slice(1).join(' ');
  if (version.toLowerCase() === 'latest') return max;
  const match = /^([1-9]\d*)\.(0|[1-9]\d*)$/.exec(version);
  if (!match) throw new CinderFault(400, 'badRequest', `API Version String ${version} is of invalid format. Must be of format MajorNum.MinorNum.`);
  const minor = Number(match[2]);
  if (match[1] !== '3' || minor > max) {
    throw new CinderFault(406, 'computeFault', `Version ${version} is not supported by the API. Minimum is ${formatMicroversion(MIN_MICROVERSION)} and maximum is ${formatMicroversion(max)}.`);
  }
  return minor;
}
