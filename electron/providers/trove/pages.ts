import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { OpenStackService } from '../openstack/service';
import type { linksSchema } from './wire-schemas';

type Links = z.infer<typeof linksSchema>;

/** Far more pages than any project has; stops a server that keeps sending the same link. */
const MAX_PAGES = 1_000;

/** The `marker` of a `{"rel":"next"}` link, or undefined when there is no next page. */
export function nextMarker(links: Links): string | undefined {
  const next = links?.find((l) => l.rel === 'next');
  if (!next) return undefined;
  try {
    return new URL(next.href, 'http://placeholder/').searchParams.get('marker') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * GETs every page of a Trove list. Backups page by integer offset (`marker` = offset, a next
 * link whenever a page is full, so the last page can be empty); instances by the last id. Both
 * put the marker in the next link, which is read here and sent on our own base URL (a proxy may
 * rewrite the host in links). Items are de-duplicated by id: offsets shift when a backup changes
 * meanwhile, since the list is ordered by `updated`.
 */
export async function listAllPages<S extends z.ZodType<{ links?: Links }>, T extends { id: string }>(
  service: OpenStackService,
  request: { path: string; query?: Record<string, string>; doing: string; signal?: AbortSignal },
  schema: S,
  items: (page: z.output<S>) => T[],
): Promise<T[]> {
  const byId = new Map<string, T>();
  let marker: string | undefined;
  const seenMarkers = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await service.requestJson(schema, { path: request.path, query: { ...request.query, marker }, doing: request.doing, signal: request.signal });
    for (const item of items(body)) if (!byId.has(item.id)) byId.set(item.id, item);
    marker = nextMarker(body.links);
    if (marker === undefined) return [...byId.values()];
    if (seenMarkers.has(marker)) break;
    seenMarkers.add(marker);
  }
  throw new AppError('bad-response', `Trove kept sending "next page" links while ${request.doing}; Backup Console stopped reading.`, 'Report this to the cloud operator; the list shown may be incomplete.');
}
