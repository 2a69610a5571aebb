import { accept, refuse, troveErrors } from './errors';
import type { Outcome, TroveLink } from './types';

export interface OffsetPage<T> {
  items: T[];
  /** Present whenever the page came back full, so the page after the last full one is empty. */
  links?: TroveLink[];
}

/** Python's int() of a query value: optional sign and surrounding spaces. */
const pythonInt = (text: string) => (/^\s*[+-]?\d+\s*$/.test(text) ? Number.parseInt(text, 10) : undefined);

/**
 * Backup._paginate + SimplePaginatedDataView: `marker` is an offset, not an id; the next link is the request URL
 * with marker = offset + limit (the other query parameters kept in place). A marker or limit Python cannot int()
 * (or a negative one, which the database refuses) ends as the generic 500.
 */
export function pageByOffset<T>(items: T[], query: URLSearchParams, pageUrl: string, errorId: () => string, forceHttps = false): Outcome<OffsetPage<T>> {
  const markerText = query.get('marker') || '0';
  const limitText = query.get('limit') || '20';
  const offset = pythonInt(markerText);
  const limit = pythonInt(limitText);
  if (offset === undefined || limit === undefined || offset < 0 || limit < 0) return refuse(troveErrors.internal(errorId()));
  const page = items.slice(offset, offset + limit);
  if (page.length < limit) return accept({ items: page });
  const next = new URL(pageUrl);
  const params = new URLSearchParams(query);
  params.set('marker', String(offset + limit));
  next.search = params.toString();
  if (forceHttps) next.protocol = 'https:';
  return accept({ items: page, links: [{ rel: 'next', href: next.toString() }] });
}
