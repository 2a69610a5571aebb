import type { BackupSortColumn } from '../../state/ui-store';
import { useUiStore } from '../../state/ui-store';
import { backupHeaderHeight, type BackupColumn } from './backup-columns';

const cell = 'flex min-w-0 items-center px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400';

export function BackupsGridHeader({ columns, style }: { columns: readonly BackupColumn[]; style: { gridTemplateColumns: string; minWidth: number } }) {
  return (
    <div role="rowgroup" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div role="row" aria-rowindex={1} className="grid" style={{ ...style, height: backupHeaderHeight }}>
        {columns.map((column, index) =>
          column.sort ? (
            <SortableHeader key={column.id} index={index} column={column.sort} label={column.label} alignEnd={column.alignEnd} />
          ) : (
            <div key={column.id} role="columnheader" aria-colindex={index + 1} className={cell}>
              <span className="truncate">{column.label}</span>
            </div>
          ),
        )}
      </div>
    </div>
  );
}

function SortableHeader({ index, column, label, alignEnd }: { index: number; column: BackupSortColumn; label: string; alignEnd?: boolean }) {
  const sort = useUiStore((state) => state.backupSort);
  const toggleSort = useUiStore((state) => state.toggleBackupSort);
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <div role="columnheader" aria-colindex={index + 1} aria-sort={ariaSort} className={`${cell} ${alignEnd ? 'justify-end' : ''}`}>
      <button
        type="button"
        onClick={() => toggleSort(column)}
        className={`-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase hover:bg-slate-200 dark:hover:bg-slate-800 ${active ? 'text-slate-900 dark:text-slate-100' : ''}`}
      >
        {label}
        <span aria-hidden="true" className={active ? '' : 'opacity-40'}>
          {active && sort.direction === 'asc' ? '▲' : '▼'}
        </span>
        <span className="sr-only">{active ? `, sorted ${ariaSort}` : ', sortable'}</span>
      </button>
    </div>
  );
}
