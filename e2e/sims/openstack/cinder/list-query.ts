import { mv, type Microversion } from './microversion';
import { badRequest, notFound, type BackupRecord } from './model';
import { truthy } from './body-schemas';

export interface ListOptions {
  query: URLSearchParams;
  version: Microversion;
  isAdmin: boolean;
  projectId: string;
  /** Where the next link points: Cinder builds it from the collection name, so /detail pages link to /backups. */
  collectionUrl: string;
}

export interface ListPage {
  items: BackupRecord[];
  count?: number;
  next?: string;
}

const PAGING = ['limit', 'marker', 'offset', 'sort', 'sort_key', 'sort_dir', 'with_count'];
/** cinder/etc/resource_filters.json for "backup". */
const CONFIGURED_FILTERS = ['name', 'status', 'volume_id'];
const MAX_LIMIT = 1000;

const sortColumns: Record<string, (b: BackupRecord) => string | number | null> = {
  id: (b) => b.id,
  created_at: (b) => b.createdAt,
  updated_at: (b) => b.updatedAt,
  data_timestamp: (b) => b.dataTimestamp,
  status: (b) => b.status,
  size: (b) => b.size,
  display_name: (b) => b.name,
  volume_id: (b) => b.volumeId,
  availability_zone: (b) => b.availabilityZone,
  container: (b) => b.container,
  object_count: (b) => b.objectCount,
};

function integerParam(query: URLSearchParams, name: string, fallback: number, message: string): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw badRequest(message);
  return Number(raw);
}

/** cinder/api/common.py get_sort_params plus the DB layer's defaults (created_at, id). */
function sortParams(query: URLSearchParams, version: Microversion): Array<[string, 'asc' | 'desc']> {
  if (query.has('sort') && (query.has('sort_key') || query.has('sort_dir'))) {
    throw badRequest("The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.");
  }
  const pairs: Array<[string, string]> = query.has('sort')
    ? query.get('sort')!.trim().split(',').map((part) => {
        const [key, dir] = part.split(':');
        return [key.trim(), (dir ?? 'desc').trim()];
      })
    : [[(query.get('sort_key') ?? 'created_at').trim(), (query.get('sort_dir') ?? 'desc').trim()]];
  const keys = pairs.map(([key, dir]): [string, 'asc' | 'desc'] => {
    const column = key === 'name' && version >= mv.backupSortName ? 'display_name' : key;
    if (!(column in sortColumns)) throw badRequest(`Invalid input received: Invalid sort key ${key}`);
    if (dir !== 'asc' && dir !== 'desc') throw badRequest("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'");
    return [column, dir];
  });
  for (const fallback of ['created_at', 'id']) if (!keys.some(([k]) => k === fallback)) keys.push([fallback, keys[0][1]]);
  return keys;
}

function compare(keys: Array<[string, 'asc' | 'desc']>) {
  return (a: BackupRecord, b: BackupRecord) => {
    for (const [key, dir] of keys) {
      const x = sortColumns[key](a);
      const y = sortColumns[key](b);
      if (x === y) continue;
      // MySQL sorts NULL first ascending.
      const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return dir === 'asc' ? order : -order;
    }
    return 0;
  };
}

function filtersOf(opts: ListOptions): Map<string, string> {
  const filters = new Map<string, string>();
  for (const [key, value] of opts.query) if (!PAGING.includes(key) || (key === 'with_count' && opts.version < mv.supportCountInfo)) filters.set(key, value);
  if (opts.version >= mv.resourceFilter && !opts.isAdmin) {
    const invalid = [...filters.keys()].filter((k) => !CONFIGURED_FILTERS.includes(k) && k !== 'all_tenants');
    if (invalid.length) throw badRequest(`Invalid filters ${invalid.join(',')} are found in query options.`);
  }
  return filters;
}

/** GET /backups and /backups/detail: filters, sort, marker/offset/limit, count and the next link, as Cinder computes them. */
export function listBackups(all: Iterable<BackupRecord>, opts: ListOptions): ListPage {
  const { query } = opts;
  const limit = Math.min(integerParam(query, 'limit', MAX_LIMIT, 'limit param must be an integer'), MAX_LIMIT);
  if (limit < 0) throw badRequest('limit param must be positive');
  const offset = integerParam(query, 'offset', 0, `Invalid value '${query.get('offset')}' for offset.`);
  if (offset < 0) throw badRequest(`offset must be >= 0`);
  const keys = sortParams(query, opts.version);
  const withCount = opts.version >= mv.supportCountInfo && truthy(query.get('with_count'));
  const filters = filtersOf(opts);
  const allTenants = opts.isAdmin && truthy(filters.get('all_tenants'));
  const projectFilter = opts.isAdmin ? filters.get('project_id') : undefined;

  const everything = [...all];
  const matching = everything
    .filter((b) => (allTenants ? projectFilter === undefined || b.projectId === projectFilter : b.projectId === opts.projectId))
    .filter((b) => !filters.has('name') || b.name === filters.get('name'))
    .filter((b) => !filters.has('status') || b.status === filters.get('status'))
    .filter((b) => !filters.has('volume_id') || b.volumeId === filters.get('volume_id'))
    .sort(compare(keys));

  let start = 0;
  const markerId = query.get('marker');
  if (markerId !== null) {
    // Like paginate_query: the marker is looked up by id, then rows sorting after it follow (it need not match the filters).
    const marker = everything.find((b) => b.id === markerId && (opts.isAdmin || b.projectId === opts.projectId));
    if (!marker) throw notFound(`Marker ${markerId} could not be found.`);
    const order = compare(keys);
    start = matching.findIndex((b) => order(b, marker) > 0);
    if (start < 0) start = matching.length;
  }
  const items = matching.slice(start + offset, start + offset + limit);
  const page: ListPage = { items };
  if (withCount) page.count = matching.length;
  // common.py _get_collection_links: item_count is the total when counting, so every non-empty page links on.
  const itemCount = page.count || items.length;
  if (items.length > 0 && limit <= itemCount) {
    const params = new URLSearchParams(query);
    params.set('marker', items[items.length - 1].id);
    page.next = `${opts.collectionUrl}?${params.toString()}`;
  }
  return page;
}
