import type { Backup } from '../../../../shared/domain';
import { knownDependents } from '../../lib/dependents';
import { detailFlag } from '../../lib/detail-fields';
import { BackupLink } from './BackupLink';
import { DetailList, type DetailItem } from './DetailList';

/** Where an incremental backup sits in its chain: what it builds on, and what builds on it. */
export function BackupLineage({ backup, backups }: { backup: Backup; backups: readonly Backup[] | undefined }) {
  const incremental = detailFlag(backup.details, 'is_incremental');
  const dependents = knownDependents(backup, backups);
  const items: DetailItem[] = [];
  if (incremental !== undefined) items.push({ label: 'Incremental', value: incremental ? 'Yes' : 'No (full backup)' });
  if (backup.parentId) items.push({ label: 'Parent', value: <BackupLink id={backup.parentId} backups={backups} /> });
  if (dependents.length > 0) {
    items.push({
      label: dependents.length === 1 ? 'Dependent' : `Dependents (${dependents.length})`,
      value: (
        <ul data-testid="backup-dependents" className="space-y-0.5">
          {dependents.map((id) => (
            <li key={id}>
              <BackupLink id={id} backups={backups} />
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="mt-4 mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Backup chain</h3>
      <DetailList testId="backup-lineage" items={items} />
    </>
  );
}
