import { describe, expect, it } from 'vitest';
import { fitColumns } from './fit-columns';

const columns = [
  { id: 'name', minPx: 160, priority: 0 },
  { id: 'status', minPx: 120, priority: 0 },
  { id: 'size', minPx: 80, priority: 1 },
  { id: 'created', minPx: 150, priority: 1 },
  { id: 'version', minPx: 72, priority: 3 },
  { id: 'device', minPx: 96, priority: 3 },
];
const ids = (width: number) => fitColumns(columns, width).map((c) => c.id);

describe('fitColumns', () => {
  it('keeps everything when it fits or before measuring', () => {
    expect(ids(1000)).toHaveLength(6);
    expect(ids(0)).toHaveLength(6);
  });

  it('drops the least important, rightmost first', () => {
    // 678 px of minimum widths; the 672 px left at 1280 px with the details pane open.
    expect(ids(672)).toEqual(['name', 'status', 'size', 'created', 'version']);
    expect(ids(520)).toEqual(['name', 'status', 'size', 'created']);
    expect(ids(300)).toEqual(['name', 'status']);
  });
});
