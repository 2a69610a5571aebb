export interface FittableColumn {
  id: string;
  /** Narrowest useful width in CSS pixels. */
  minPx: number;
  /** 0 is never dropped; higher numbers are dropped first when space runs out. */
  priority: number;
}

/**
 * The columns to show at `availablePx`: drop the least important ones (highest priority number,
 * then the rightmost) until the rest fit at their minimum widths. Keeps the declared order.
 * A width of 0 (not measured yet) keeps everything.
 */
export function fitColumns<C extends FittableColumn>(columns: readonly C[], availablePx: number): C[] {
  const kept = [...columns];
  if (availablePx <= 0) return kept;
  const total = () => kept.reduce((sum, column) => sum + column.minPx, 0);
  while (total() > availablePx) {
    let drop = -1;
    kept.forEach((column, index) => {
      if (column.priority > 0 && (drop < 0 || column.priority >= kept[drop].priority)) drop = index;
    });
    if (drop < 0) break;
    kept.splice(drop, 1);
  }
  return kept;
}
