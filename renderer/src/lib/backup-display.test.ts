import { describe, expect, it } from 'vitest';
import { backupTitle, rawStatusBesideBadge, sizeDetail, sizeExplanation } from './backup-display';

describe('backup display', () => {
  it('shows the raw status only when it says something the badge does not', () => {
    expect(rawStatusBesideBadge({ state: 'available', statusText: 'available' })).toBeUndefined();
    expect(rawStatusBesideBadge({ state: 'available', statusText: 'AVAILABLE' })).toBeUndefined();
    expect(rawStatusBesideBadge({ state: 'available', statusText: '' })).toBeUndefined();
    expect(rawStatusBesideBadge({ state: 'available', statusText: 'COMPLETED' })).toBe('COMPLETED');
    expect(rawStatusBesideBadge({ state: 'creating', statusText: 'backing-up' })).toBe('backing-up');
  });

  it('titles a backup by name, else id', () => {
    expect(backupTitle({ id: 'b1', name: 'nightly' })).toBe('nightly');
    expect(backupTitle({ id: 'b1', name: ' ' })).toBe('b1');
    expect(backupTitle({ id: 'b1' })).toBe('b1');
  });

  it('explains a converted size with what the endpoint reported', () => {
    const tenGiB = 10 * 1024 ** 3;
    expect(sizeExplanation({ sizeBytes: tenGiB, sizeReported: '10 GiB' }, 'OpenStack Cinder')).toBe('OpenStack Cinder reported 10 GiB');
    expect(sizeExplanation({ sizeBytes: 2048 }, 'Pieces')).toBe('2,048 bytes');
    expect(sizeExplanation({}, 'Pieces')).toBeUndefined();
    expect(sizeDetail({ sizeBytes: tenGiB, sizeReported: '10 GiB' })).toBe('10.0 GiB (reported as 10 GiB)');
    expect(sizeDetail({ sizeBytes: 2048 })).toBe('2.0 KiB (2,048 bytes)');
    expect(sizeDetail({ sizeReported: '3 GB' })).toBe('3 GB (as reported)');
    expect(sizeDetail({})).toBe('—');
  });
});
