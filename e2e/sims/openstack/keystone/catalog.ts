import { createHash } from 'node:crypto';

export interface CatalogEndpoint {
  id: string;
  interface: 'public' | 'internal' | 'admin';
  region: string;
  region_id: string;
  url: string;
}

export interface CatalogEntry {
  endpoints: CatalogEndpoint[];
  id: string;
  type: string;
  name: string;
}

/** Somewhere nothing listens: a client that picks RegionTwo fails loudly instead of silently working. */
export const UNROUTABLE_BASE = 'http://127.0.0.1:9';

const stableId = (...parts: string[]) => createHash('md5').update(parts.join('|')).digest('hex');

function endpoint(service: string, iface: CatalogEndpoint['interface'], region: string, url: string): CatalogEndpoint {
  return { id: stableId(service, iface, region), interface: iface, region, region_id: region, url };
}

function entry(type: string, name: string, endpoints: CatalogEndpoint[]): CatalogEntry {
  return { endpoints, id: stableId('service', type), type, name };
}

/**
 * A devstack-like catalog: block storage under both `block-storage` and `volumev3`, internal URLs
 * that differ from public ones (both served), and a RegionTwo block-storage endpoint that is unroutable.
 */
export function buildCatalog(baseUrl: string, projectId: string): CatalogEntry[] {
  const volume = (type: string) => [
    endpoint(type, 'public', 'RegionOne', `${baseUrl}/volume/v3/${projectId}`),
    endpoint(type, 'internal', 'RegionOne', `${baseUrl}/internal/volume/v3/${projectId}`),
    endpoint(type, 'public', 'RegionTwo', `${UNROUTABLE_BASE}/volume/v3/${projectId}`),
    endpoint(type, 'internal', 'RegionTwo', `${UNROUTABLE_BASE}/internal/volume/v3/${projectId}`),
  ];
  return [
    entry('identity', 'keystone', [
      endpoint('identity', 'public', 'RegionOne', `${baseUrl}/identity`),
      endpoint('identity', 'internal', 'RegionOne', `${baseUrl}/identity`),
      endpoint('identity', 'admin', 'RegionOne', `${baseUrl}/identity`),
    ]),
    entry('block-storage', 'cinder', volume('block-storage')),
    entry('volumev3', 'cinderv3', volume('volumev3')),
    entry('database', 'trove', [
      endpoint('database', 'public', 'RegionOne', `${baseUrl}/database/v1.0/${projectId}`),
      endpoint('database', 'internal', 'RegionOne', `${baseUrl}/internal/database/v1.0/${projectId}`),
    ]),
  ];
}
