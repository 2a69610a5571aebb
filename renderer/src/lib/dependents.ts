import type { Backup } from '../../../shared/domain';
import { detailFlag } from './detail-fields';

/** Backups known to build on this one: those the endpoint named, plus any in the list naming it as parent. */
export function knownDependents(backup: Pick<Backup, 'id' | 'dependentIds'>, list: readonly Pick<Backup, 'id' | 'parentId'>[] = []): string[] {
  const ids = new Set(backup.dependentIds ?? []);
  for (const other of list) if (other.parentId === backup.id) ids.add(other.id);
  return [...ids];
}

/**
 * Whether anything depends on the backup. Some endpoints only say so (Cinder's `has_dependent_backups`)
 * without naming them, so this may be true while knownDependents is empty.
 */
export function hasDependents(backup: Pick<Backup, 'id' | 'dependentIds' | 'details'>, list: readonly Pick<Backup, 'id' | 'parentId'>[] = []): boolean {
  return knownDependents(backup, list).length > 0 || detailFlag(backup.details, 'has_dependent_backups') === true;
}
