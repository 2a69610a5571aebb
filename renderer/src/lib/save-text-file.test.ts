import { describe, expect, it } from 'vitest';
import { safeFileName } from './save-text-file';

describe('safeFileName', () => {
  it('keeps ordinary names and cleans dangerous ones', () => {
    expect(safeFileName('backup-record-b1.json')).toBe('backup-record-b1.json');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('a:b*c?.json')).toBe('a-b-c-.json');
    expect(safeFileName('  ')).toBe('backup-record.json');
  });
});
