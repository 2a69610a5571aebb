import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Backup } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { fitColumns } from '../../lib/fit-columns';
import { useUiStore } from '../../state/ui-store';
import { backupHeaderHeight, backupRowHeight, columnsWithData, gridTemplate } from './backup-columns';
import { BackupRow } from './BackupRow';
import { BackupsGridHeader } from './BackupsGridHeader';
import { useElementWidth } from './use-element-width';

export interface BackupsGridProps {
  rows: readonly Backup[];
  /** The whole list before the text filter: decides which value columns exist, so they do not come and go while typing. */
  allRows: readonly Backup[];
  endpointName: string;
  /** Who reports sizes ("OpenStack Cinder"), for the size tooltip. */
  reporter: string;
  onOpenDetails(): void;
}

/**
 * A virtualised ARIA grid: one tab stop, arrow keys / Home / End / Page keys move the selection,
 * Enter opens the details. Only the visible rows exist in the DOM, so thousands stay fast.
 */
export function BackupsGrid({ rows, allRows, endpointName, reporter, onOpenDetails }: BackupsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridId = useId();
  const selectedId = useUiStore((state) => state.selectedBackupId);
  const selectBackup = useUiStore((state) => state.selectBackup);
  const now = useNow(60_000);
  const width = useElementWidth(scrollRef);
  const withData = useMemo(() => columnsWithData(allRows), [allRows]);
  // Columns that do not fit are left out rather than scrolled to: the details pane shows every fact.
  const columns = useMemo(() => fitColumns(withData, width), [withData, width]);
  const template = gridTemplate(columns);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; React Compiler skips this component, which is what we want.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => backupRowHeight,
    overscan: 12,
    scrollMargin: backupHeaderHeight,
    scrollPaddingStart: backupHeaderHeight,
    getItemKey: (index) => rows[index].id,
  });

  const selectedIndex = selectedId ? rows.findIndex((row) => row.id === selectedId) : -1;
  const items = virtualizer.getVirtualItems();
  const selectedRendered = items.some((item) => item.index === selectedIndex);
  const rowDomId = (index: number) => `${gridId}-row-${index}`;

  // A selection made elsewhere (a parent or dependent picked in the details pane) scrolls into view.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function moveTo(index: number) {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    selectBackup(rows[target].id);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return; // keys on the sort buttons stay theirs
    const visibleRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - backupHeaderHeight) / backupRowHeight) - 1);
    const from = selectedIndex;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(from < 0 ? 0 : from + 1);
        break;
      case 'ArrowUp':
        moveTo(from < 0 ? 0 : from - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'PageDown':
        moveTo(from < 0 ? visibleRows : from + visibleRows);
        break;
      case 'PageUp':
        moveTo(from < 0 ? 0 : from - visibleRows);
        break;
      case 'Enter':
      case ' ':
        if (from < 0) moveTo(0);
        else if (event.key === 'Enter') onOpenDetails();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div
      ref={scrollRef}
      role="grid"
      tabIndex={0}
      data-testid="backups-table"
      aria-label={`Backups on ${endpointName}`}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedRendered ? rowDomId(selectedIndex) : undefined}
      onKeyDown={onKeyDown}
      className="group relative min-h-0 flex-1 overflow-auto border-t border-slate-200 bg-white focus-visible:-outline-offset-2 dark:border-slate-800 dark:bg-slate-950"
    >
      <BackupsGridHeader columns={columns} style={template} />
      <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize(), minWidth: template.minWidth }}>
        {items.map((item) => {
          const backup = rows[item.index];
          return (
            <BackupRow
              key={item.key}
              backup={backup}
              columns={columns}
              reporter={reporter}
              domId={rowDomId(item.index)}
              rowIndex={item.index + 2}
              selected={item.index === selectedIndex}
              now={now}
              style={{ height: item.size, transform: `translateY(${item.start - backupHeaderHeight}px)`, gridTemplateColumns: template.gridTemplateColumns }}
              onSelect={() => {
                selectBackup(backup.id);
                scrollRef.current?.focus({ preventScroll: true });
              }}
              onOpen={onOpenDetails}
            />
          );
        })}
      </div>
    </div>
  );
}
