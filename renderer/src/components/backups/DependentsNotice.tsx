import type { Backup } from '../../../../shared/domain';
import { backupTitle } from '../../lib/backup-display';

const box = 'rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100';

/**
 * Incremental backups built on the one being deleted. Endpoints differ (one refuses the delete until
 * they are gone, another deletes them too), so this says what is true for all and lists them.
 */
export function DependentsNotice({ dependentIds, backups }: { dependentIds: readonly string[]; backups: readonly Backup[] | undefined }) {
  const count = dependentIds.length;
  if (count === 0) {
    return (
      <div data-testid="delete-dependents" className={box}>
        <p className="font-semibold">Other backups depend on this one</p>
        <p className="mt-0.5">
          The endpoint reports incremental backups built on it without saying which. Depending on the endpoint, the delete is
          refused while they exist, or they are deleted with it.
        </p>
      </div>
    );
  }
  return (
    <div data-testid="delete-dependents" className={box}>
      <p className="font-semibold">{count === 1 ? '1 backup depends on this one' : `${count} backups depend on this one`}</p>
      <p className="mt-0.5">
        {count === 1 ? 'It is an incremental backup' : 'They are incremental backups'} built on it. Depending on the endpoint,
        the delete is refused while {count === 1 ? 'it exists' : 'they exist'}, or {count === 1 ? 'it is' : 'they are'} deleted
        with it.
      </p>
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
