import type { Backup } from '../../../shared/domain';

export interface BackupLimitStatus {
  limit: number;
  count: number;
  /** A new backup (created or uploaded) would be refused unless one is deleted first. */
  full: boolean;
  /** The one to offer for deletion: the oldest finished backup. */
  oldest: Backup | undefined;
}

const time = (backup: Backup) => (backup.createdAt ? Date.parse(backup.createdAt) : Number.NaN);

/**
 * The oldest backup by creation time; one still being made is never offered. Backups without a
 * date come last: deleting something whose age is unknown is not "the oldest".
 */
export function oldestBackup(backups: readonly Backup[]): Backup | undefined {
  const candidates = backups.filter((backup) => backup.state !== 'creating');
  return [...candidates].sort((a, b) => {
    const [ta, tb] = [time(a), time(b)];
    if (Number.isNaN(ta)) return Number.isNaN(tb) ? 0 : 1;
    if (Number.isNaN(tb)) return -1;
    return ta - tb;
  })[0];
}

/** undefined for kinds without a limit, or while the list is not known yet. */
export function backupLimitStatus(limit: number | undefined, backups: readonly Backup[] | undefined): BackupLimitStatus | undefined {
  if (limit === undefined || !backups) return undefined;
  const full = backups.length >= limit;
  return { limit, count: backups.length, full, oldest: full ? oldestBackup(backups) : undefined };
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "Network appliance keeps at most 2 backups; uploading a third is refused." */
export function limitSentence(kindLabel: string, limit: number, action: 'upload' | 'create'): string {
  const next = ordinals[limit] ? `a ${ordinals[limit]}` : 'another';
  const doing = action === 'upload' ? 'uploading' : 'creating';
  return `${kindLabel} keeps at most ${limit} backup${limit === 1 ? '' : 's'}; ${doing} ${next} is refused.`;
}
