import type { Backup } from '../../../../shared/domain';
import { rawStatusBesideBadge } from '../../lib/backup-display';
import { backupStateLabels, backupStateTones } from '../../lib/labels';
import { Badge } from '../ui/Badge';

/**
 * The badge says the normalised state in our words and colour; the server's own status word
 * follows it when it says something else ("Available  COMPLETED"). `compact` (the grid) puts it under the badge.
 */
export function BackupStatusBadge({ backup, compact = false }: { backup: Pick<Backup, 'state' | 'statusText'>; compact?: boolean }) {
  const raw = rawStatusBesideBadge(backup);
  return (
    <span className={`inline-flex min-w-0 ${compact ? 'flex-col items-start gap-0.5 leading-none' : 'flex-wrap items-center gap-1.5'}`}>
      <Badge tone={backupStateTones[backup.state]}>{backupStateLabels[backup.state]}</Badge>
      {raw && (
        <span data-testid="backup-status-text" title={`Reported by the endpoint as ${raw}`} className={`font-mono text-xs text-slate-600 dark:text-slate-400 ${compact ? 'max-w-full truncate text-[0.6875rem]' : 'break-all'}`}>
          {raw}
        </span>
      )}
    </span>
  );
}
