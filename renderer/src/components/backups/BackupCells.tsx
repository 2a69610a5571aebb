import type { Backup } from '../../../../shared/domain';
import { backupTitle, sizeExplanation } from '../../lib/backup-display';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import type { BackupColumnId } from './backup-columns';
import { BackupStatusBadge } from './BackupStatusBadge';

export interface BackupCellProps {
  column: BackupColumnId;
  backup: Backup;
  now: number;
  /** Who reported the size ("OpenStack Cinder"), for the size tooltip. */
  reporter: string;
}

const muted = 'truncate text-xs text-slate-600 dark:text-slate-400';

/** The content of one grid cell; the row supplies the cell element and its layout. */
export function BackupCellContent({ column, backup, now, reporter }: BackupCellProps) {
  switch (column) {
    case 'name':
      return backup.name ? (
        <span className="flex min-w-0 flex-col leading-tight" title={`${backup.name}\n${backup.id}`}>
          <span className="truncate font-medium">{backupTitle(backup)}</span>
          <span className={`${muted} font-mono`}>{backup.id}</span>
        </span>
      ) : (
        <span className="truncate font-mono text-xs" title={backup.id}>
          {backup.id}
        </span>
      );
    case 'status':
      return <BackupStatusBadge backup={backup} compact />;
    case 'size':
      return (
        <span className="truncate tabular-nums" title={sizeExplanation(backup, reporter)}>
          {formatBytes(backup.sizeBytes)}
        </span>
      );
    case 'created':
      return (
        <span className="flex min-w-0 flex-col leading-tight" title={backup.createdAt}>
          <span className="truncate">{formatDateTime(backup.createdAt)}</span>
          {backup.createdAt && <span className={muted}>{formatRelative(backup.createdAt, now)}</span>}
        </span>
      );
    case 'source':
      return (
        <span className="truncate font-mono text-xs" title={backup.source}>
          {backup.source ?? '—'}
        </span>
      );
    case 'version':
      return <span className="truncate">{backup.version ?? '—'}</span>;
    case 'device':
      return (
        <span className="truncate" title={backup.device}>
          {backup.device ?? '—'}
        </span>
      );
  }
}
