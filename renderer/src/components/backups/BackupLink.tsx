import type { Backup } from '../../../../shared/domain';
import { backupTitle } from '../../lib/backup-display';
import { useUiStore } from '../../state/ui-store';

/** Another backup named by id: a button selecting it when it is in the list, otherwise just its id. */
export function BackupLink({ id, backups }: { id: string; backups: readonly Backup[] | undefined }) {
  const selectBackup = useUiStore((state) => state.selectBackup);
  const target = backups?.find((backup) => backup.id === id);
  if (!target) {
    return (
      <span className="font-mono text-xs break-all" title="Not in the list shown (filtered out, or gone)">
        {id}
      </span>
    );
  }
  return (
    <button
      type="button"
      data-testid="backup-link"
      data-backup-id={id}
      onClick={() => selectBackup(id)}
      className="rounded text-left text-blue-700 underline decoration-blue-300 underline-offset-2 hover:decoration-blue-700 dark:text-blue-300 dark:decoration-blue-700 dark:hover:decoration-blue-300"
    >
      {target.name ? (
        <>
          <span className="break-words">{backupTitle(target)}</span> <span className="font-mono text-xs break-all">({id})</span>
        </>
      ) : (
        <span className="font-mono text-xs break-all">{id}</span>
      )}
    </button>
  );
}
