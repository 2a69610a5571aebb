import type { Backup } from '../../../shared/domain';
import type { BackupSortColumn, SortDirection } from '../state/ui-store';

function sortValue(backup: Backup, column: BackupSortColumn): number | undefined {
  if (column === 'sizeBytes') return backup.sizeBytes;
  const time = backup.createdAt ? Date.parse(backup.createdAt) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

/** Filters by a case-insensitive substring of id/name/source/version/device/status, then sorts; unknown values sink. */
export function sortAndFilterBackups(
  backups: readonly Backup[],
  sort: { column: BackupSortColumn; direction: SortDirection },
  filter = '',
): Backup[] {
  const needle = filter.trim().toLowerCase();
  const filtered = needle
    ? backups.filter((b) =>
        [b.id, b.name, b.source, b.version, b.device, b.statusText].some((field) => field?.toLowerCase().includes(needle)),
      )
    : [...backups];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => {
    const left = sortValue(a, sort.column);
    const right = sortValue(b, sort.column);
    if (left === undefined && right === undefined) return a.id.localeCompare(b.id);
    if (left === undefined) return 1;
    if (right === undefined) return -1;
    return left === right ? a.id.localeCompare(b.id) : (left - right) * sign;
  });
}
