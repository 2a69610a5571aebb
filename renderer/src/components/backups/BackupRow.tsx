import type { CSSProperties } from 'react';
import type { Backup } from '../../../../shared/domain';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { backupGridColumns } from './backup-columns';
import { BackupStatusBadge } from './BackupStatusBadge';

export interface BackupRowProps {
  backup: Backup;
  domId: string;
  rowIndex: number;
  selected: boolean;
  now: number;
  style: CSSProperties;
  onSelect(): void;
  onOpen(): void;
}

const cell = 'flex min-w-0 items-center px-3';

export function BackupRow({ backup, domId, rowIndex, selected, now, style, onSelect, onOpen }: BackupRowProps) {
  return (
    <div
      role="row"
      id={domId}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      data-testid="backup-row"
      data-backup-id={backup.id}
      onClick={onSelect}
      onDoubleClick={onOpen}
      style={style}
      className={`absolute inset-x-0 top-0 cursor-default border-b border-slate-100 text-sm dark:border-slate-800/70 ${backupGridColumns} ${
        selected
          ? 'bg-blue-50 shadow-[inset_3px_0_0_var(--color-blue-600)] group-focus-visible:outline-2 group-focus-visible:-outline-offset-2 group-focus-visible:outline-blue-600 dark:bg-blue-950/70 dark:shadow-[inset_3px_0_0_var(--color-blue-400)] dark:group-focus-visible:outline-blue-300'
          : 'hover:bg-slate-50 dark:hover:bg-slate-800/50'
      }`}
    >
      <div role="gridcell" className={`${cell} font-mono text-xs`} title={backup.id}>
        <span className="truncate">{backup.id}</span>
      </div>
      <div role="gridcell" className={cell}>
        <BackupStatusBadge backup={backup} />
      </div>
      <div role="gridcell" className={`${cell} justify-end tabular-nums`} title={backup.sizeBytes !== undefined ? `${backup.sizeBytes.toLocaleString()} bytes` : undefined}>
        {formatBytes(backup.sizeBytes)}
      </div>
      <div role="gridcell" className={`${cell} flex-col !items-start justify-center leading-tight`} title={backup.createdAt}>
        <span className="truncate">{formatDateTime(backup.createdAt)}</span>
        {backup.createdAt && <span className="truncate text-xs text-slate-600 dark:text-slate-400">{formatRelative(backup.createdAt, now)}</span>}
      </div>
      <div role="gridcell" className={cell}>
        <span className="truncate">{backup.version ?? '—'}</span>
      </div>
      <div role="gridcell" className={cell}>
        <span className="truncate" title={backup.device}>
          {backup.device ?? '—'}
        </span>
      </div>
    </div>
  );
}
