import { AppError } from '../../../shared/errors';
import type { CatalogEndpoint, CatalogEntry } from './keystone-wire';

export interface CatalogChoice {
  url: string;
  region?: string;
  interface: string;
  serviceType: string;
}

const regionOf = (e: CatalogEndpoint): string | undefined => e.region_id ?? e.region ?? undefined;
const list = (names: Iterable<string>): string => [...new Set(names)].sort().join(', ') || 'none';

/**
 * Picks the service URL from a token's catalog: the first listed service type that has an
 * endpoint with this interface (and region). Without a configured region, a single region is
 * taken; several are an error that names them.
 */
export function pickCatalogEndpoint(
  catalog: readonly CatalogEntry[],
  types: readonly string[],
  wanted: { region?: string; interface: string; label: string },
): CatalogChoice {
  const services = types.flatMap((type) => catalog.filter((entry) => entry.type === type));
  if (services.length === 0) {
    throw new AppError(
      'unsupported',
      `The project's service catalog has no ${wanted.label} service (looked for type ${types.join(' or ')}; the catalog lists ${list(catalog.map((c) => c.type))}).`,
      `Check that ${wanted.label} is deployed in this cloud and that your project can use it.`,
    );
  }
  const withInterface = services.flatMap((s) => s.endpoints.filter((e) => e.interface === wanted.interface).map((e) => ({ type: s.type, e })));
  if (withInterface.length === 0) {
    const offered = services.flatMap((s) => s.endpoints.map((e) => e.interface));
    throw new AppError('validation', `${wanted.label} has no ${wanted.interface} endpoint in the catalog (it offers ${list(offered)}).`, 'Choose one of those in the Interface setting.');
  }
  const regions = withInterface.flatMap(({ e }) => (regionOf(e) ? [regionOf(e)!] : []));
  let candidates = withInterface;
  if (wanted.region) {
    candidates = withInterface.filter(({ e }) => e.region_id === wanted.region || e.region === wanted.region);
    if (candidates.length === 0) {
      throw new AppError('validation', `${wanted.label} has no ${wanted.interface} endpoint in region "${wanted.region}" (regions: ${list(regions)}).`, 'Correct the Region setting.');
    }
  } else if (new Set(regions).size > 1) {
    throw new AppError('validation', `${wanted.label} is in several regions (${list(regions)}); say which one to use.`, 'Set the Region setting to one of them.');
  }
  // Type order wins: the official type before its aliases.
  const chosen = types.flatMap((type) => candidates.filter((c) => c.type === type))[0]!;
  return { url: chosen.e.url, region: regionOf(chosen.e), interface: wanted.interface, serviceType: chosen.type };
}
