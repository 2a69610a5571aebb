import type { Backup, KindInfo } from '../../../../shared/domain';
import { backupTitle } from '../../lib/backup-display';

const box = 'rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100';

type Policy = KindInfo['dependentsOnDelete'];

function consequence(policy: Policy, kindLabel: string, count: number): string {
  const they = count === 1 ? 'it' : 'they';
  if (policy === 'deleted-with-it') return `${kindLabel} deletes ${count === 1 ? 'it' : 'them'} together with this backup.`;
  if (policy === 'refused') return `${kindLabel} refuses to delete this backup while ${they} exist${count === 1 ? 's' : ''}: delete ${count === 1 ? 'it' : 'them'} first, newest first.`;
  return `The endpoint may refuse the delete while ${they} exist${count === 1 ? 's' : ''}, or delete ${count === 1 ? 'it' : 'them'} too.`;
}

/** Incremental backups built on the one being deleted, and what this kind of endpoint does with them. */
export function DependentsNotice({
  dependentIds,
  backups,
  policy,
  kindLabel = 'The endpoint',
}: {
  dependentIds: readonly string[];
  backups: readonly Backup[] | undefined;
  policy: Policy;
  kindLabel?: string;
}) {
  const count = dependentIds.length;
  if (count === 0) {
    return (
      <div data-testid="delete-dependents" data-policy={policy} className={box}>
        <p className="font-semibold">Other backups depend on this one</p>
        <p className="mt-0.5">{kindLabel} reports incremental backups built on it without saying which. {consequence(policy, kindLabel, 2)}</p>
      </div>
    );
  }
  return (
    <div data-testid="delete-dependents" data-policy={policy} className={box}>
      <p className="font-semibold">{count === 1 ? '1 incremental backup depends on this one' : `${count} incremental backups depend on this one`}</p>
      <p className="mt-0.5">{consequence(policy, kindLabel, count)}</p>
      <ul className="mt-2 max-h-32 list-disc space-y-0.5 overflow-y-auto pl-5">
        {dependentIds.map((id) => {
          const dependent = backups?.find((b) => b.id === id);
          return (
            <li key={id} className="break-all">
              {dependent?.name && <span className="mr-1 break-words">{backupTitle(dependent)}</span>}
              <span className="font-mono text-xs">{id}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
