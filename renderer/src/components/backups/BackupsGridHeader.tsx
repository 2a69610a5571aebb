import type { BackupSortColumn } from '../../state/ui-store';
import { useUiStore } from '../../state/ui-store';
import { backupGridColumns, backupHeaderHeight } from './backup-columns';

const cell = 'flex items-center px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400';

export function BackupsGridHeader() {
  return (
    <div role="rowgroup" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div role="row" aria-rowindex={1} className={backupGridColumns} style={{ height: backupHeaderHeight }}>
        <div role="columnheader" className={cell}>
          ID
        </div>
        <div role="columnheader" className={cell}>
          Status
        </div>
        <SortableHeader column="sizeBytes" label="Size" alignEnd />
        <SortableHeader column="createdAt" label="Created" />
        <div role="columnheader" className={cell}>
          Version
        </div>
        <div role="columnheader" className={cell}>
          Device
        </div>
      </div>
    </div>
  );
}

function SortableHeader({ column, label, alignEnd }: { column: BackupSortColumn; label: string; alignEnd?: boolean }) {
  const sort = useUiStore((state) => state.backupSort);
  const toggleSort = useUiStore((state) => state.toggleBackupSort);
  const active = sort.column === column;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`${cell} ${alignEnd ? 'justify-end' : ''}`}>
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
