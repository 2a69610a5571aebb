import type { Backup } from '../../../../shared/domain';
import type { FittableColumn } from '../../lib/fit-columns';
import type { BackupSortColumn } from '../../state/ui-store';

export type BackupColumnId = 'name' | 'status' | 'size' | 'created' | 'source' | 'version' | 'device';

export interface BackupColumn extends FittableColumn {
  id: BackupColumnId;
  label: string;
  /** Share of the width left after every column has its minimum. */
  fr: number;
  sort?: BackupSortColumn;
  alignEnd?: boolean;
  /** Columns with a value getter are shown only when some backup in the list has that value. */
  valueOf?(backup: Backup): unknown;
}

/**
 * Declared order = on-screen order. Priority decides what goes first when the grid is narrow
 * (details pane open at 1280 px): every dropped fact is still in the details pane.
 */
export const backupColumns: readonly BackupColumn[] = [
  { id: 'name', label: 'Name', minPx: 160, fr: 1.7, priority: 0 },
  { id: 'status', label: 'Status', minPx: 124, fr: 1.1, priority: 0 },
  { id: 'size', label: 'Size', minPx: 84, fr: 0.6, priority: 1, sort: 'sizeBytes', alignEnd: true },
  { id: 'created', label: 'Created', minPx: 172, fr: 1.2, priority: 1, sort: 'createdAt' },
  { id: 'source', label: 'Source', minPx: 120, fr: 1, priority: 2, valueOf: (b) => b.source },
  { id: 'version', label: 'Version', minPx: 76, fr: 0.7, priority: 3, valueOf: (b) => b.version },
  { id: 'device', label: 'Device', minPx: 96, fr: 0.9, priority: 4, valueOf: (b) => b.device },
];

/** Leaves out value columns no backup in the list fills (Cinder has no device, Pieces no source). */
export function columnsWithData(rows: readonly Backup[]): BackupColumn[] {
  return backupColumns.filter((column) => !column.valueOf || rows.some((row) => column.valueOf?.(row) !== undefined && column.valueOf(row) !== ''));
}

/** One template for the header and every row, so the columns line up. */
export function gridTemplate(columns: readonly BackupColumn[]): { gridTemplateColumns: string; minWidth: number } {
  return {
    gridTemplateColumns: columns.map((column) => `minmax(${column.minPx}px, ${column.fr}fr)`).join(' '),
    minWidth: columns.reduce((sum, column) => sum + column.minPx, 0),
  };
}

export const backupHeaderHeight = 36;
export const backupRowHeight = 44;
