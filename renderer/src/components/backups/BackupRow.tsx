import type { CSSProperties } from 'react';
import type { Backup } from '../../../../shared/domain';
import type { BackupColumn } from './backup-columns';
import { BackupCellContent } from './BackupCells';

export interface BackupRowProps {
  backup: Backup;
  columns: readonly BackupColumn[];
  domId: string;
  rowIndex: number;
  selected: boolean;
  now: number;
  reporter: string;
  style: CSSProperties;
  onSelect(): void;
  onOpen(): void;
}

export function BackupRow({ backup, columns, domId, rowIndex, selected, now, reporter, style, onSelect, onOpen }: BackupRowProps) {
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
      className={`absolute inset-x-0 top-0 grid cursor-default border-b border-slate-100 text-sm dark:border-slate-800/70 ${
        selected
          ? 'bg-blue-50 shadow-[inset_3px_0_0_var(--color-blue-600)] group-focus-visible:outline-2 group-focus-visible:-outline-offset-2 group-focus-visible:outline-blue-600 dark:bg-blue-950/70 dark:shadow-[inset_3px_0_0_var(--color-blue-400)] dark:group-focus-visible:outline-blue-300'
          : 'hover:bg-slate-50 dark:hover:bg-slate-800/50'
      }`}
    >
      {columns.map((column, index) => (
        <div
          key={column.id}
          role="gridcell"
          aria-colindex={index + 1}
          data-column={column.id}
          className={`flex min-w-0 items-center px-3 ${column.alignEnd ? 'justify-end' : ''}`}
        >
          <BackupCellContent column={column.id} backup={backup} now={now} reporter={reporter} />
        </div>
      ))}
    </div>
  );
}
