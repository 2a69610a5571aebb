import type { TroveApi } from './api';
import type { WireBackup } from './wire-schemas';

/**
 * Asked for as the page size: most clouds then answer in one page. Trove does not cap `limit` in
 * Backup._paginate, but a deployment (or a proxy) may, so the passes below do not rely on it.
 */
export const LARGE_PAGE = 1_000;
/** Listings compared before giving up on a stable answer (the union is used then). */
const MAX_PASSES = 4;

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/**
 * Every backup matching `filters`, for decisions that need ALL of them (the incremental children a
 * delete takes along). Trove pages backups by integer offset over `updated DESC`, so a backup whose
 * status changes while we page moves to the front and can be skipped. Choice: ask for one large
 * page (one query, one consistent snapshot: done); when the answer still came in several pages,
 * list again until two passes name the same backups, and keep the union of all passes, newest
 * record of each. A backup that vanished between passes stays in the union; following the delete
 * treats its 404 as gone, so listing one too many is harmless, while one too few would hide a
 * backup the delete removes.
 */
export async function listBackupsCompletely(api: TroveApi, filters: { instance_id?: string }, signal?: AbortSignal): Promise<WireBackup[]> {
  const union = new Map<string, WireBackup>();
  let previous: Set<string> | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { backups, pages } = await api.listBackupPages(filters, { pageSize: LARGE_PAGE, signal });
    for (const backup of backups) union.set(backup.id, backup);
    const ids = new Set(backups.map((b) => b.id));
    if (pages <= 1 || (previous && sameIds(previous, ids))) break;
    previous = ids;
  }
  return [...union.values()];
}
