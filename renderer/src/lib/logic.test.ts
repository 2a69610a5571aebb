import { describe, expect, it } from 'vitest';
import type { Backup } from '../../../shared/domain';
import { confirmationMatches } from './confirmation';
import { crossedMilestone, elapsedSeconds, progressPercent, remainingSeconds } from './progress';
import { sortAndFilterBackups } from './sort-backups';

describe('confirmationMatches', () => {
  it('needs the exact id', () => {
    expect(confirmationMatches('backup-2025-01', 'backup-2025-01')).toBe(true);
    expect(confirmationMatches('Backup-2025-01', 'backup-2025-01')).toBe(false);
    expect(confirmationMatches(' backup-2025-01', 'backup-2025-01')).toBe(false);
    expect(confirmationMatches('backup-2025-0', 'backup-2025-01')).toBe(false);
    expect(confirmationMatches('', '')).toBe(false);
  });
});

describe('progress', () => {
  it('derives a percent from the fraction or from bytes', () => {
    expect(progressPercent({ progress: { fraction: 0.426 } })).toBe(43);
    expect(progressPercent({ progress: { bytesDone: 50, bytesTotal: 200 } })).toBe(25);
    expect(progressPercent({ progress: { bytesDone: 50 } })).toBeUndefined();
  });

  it('counts the ETA down from the last update', () => {
    const updatedAt = '2025-01-01T00:00:00Z';
    const now = Date.parse(updatedAt) + 20_000;
    expect(remainingSeconds({ progress: { etaSeconds: 60 }, updatedAt }, now)).toBe(40);
    expect(remainingSeconds({ progress: { etaSeconds: 10 }, updatedAt }, now)).toBe(0);
    expect(remainingSeconds({ progress: {}, updatedAt }, now)).toBeUndefined();
  });

  it('measures elapsed time until now or until the job finished', () => {
    const startedAt = '2025-01-01T00:00:00Z';
    expect(elapsedSeconds({ startedAt }, Date.parse(startedAt) + 90_000)).toBe(90);
    expect(elapsedSeconds({ startedAt, finishedAt: '2025-01-01T00:00:30Z' }, Date.parse(startedAt) + 90_000)).toBe(30);
  });

  it('reports the highest milestone crossed, once', () => {
    expect(crossedMilestone(10, 30)).toBe(25);
    expect(crossedMilestone(10, 80)).toBe(75);
    expect(crossedMilestone(25, 30)).toBeUndefined();
    expect(crossedMilestone(99, 100)).toBe(100);
    expect(crossedMilestone(undefined, 50)).toBeUndefined();
    expect(crossedMilestone(60, 40)).toBeUndefined();
  });
});

describe('sortAndFilterBackups', () => {
  const backup = (id: string, createdAt?: string, sizeBytes?: number, device?: string): Backup => ({
    id,
    endpointId: 'e1',
    state: 'available',
    statusText: 'COMPLETED',
    createdAt,
    sizeBytes,
    device,
    details: {},
  });
  const list = [
    backup('a', '2025-01-02T00:00:00Z', 10, 'laptop'),
    backup('b', '2025-01-03T00:00:00Z', 5),
    backup('c', undefined, 99, 'server'),
  ];

  it('sorts by created or size in either direction with unknown values last', () => {
    expect(sortAndFilterBackups(list, { column: 'createdAt', direction: 'desc' }).map((b) => b.id)).toEqual(['b', 'a', 'c']);
    expect(sortAndFilterBackups(list, { column: 'createdAt', direction: 'asc' }).map((b) => b.id)).toEqual(['a', 'b', 'c']);
    expect(sortAndFilterBackups(list, { column: 'sizeBytes', direction: 'desc' }).map((b) => b.id)).toEqual(['c', 'a', 'b']);
  });

  it('filters case-insensitively without mutating the input', () => {
    expect(sortAndFilterBackups(list, { column: 'createdAt', direction: 'desc' }, 'LAP').map((b) => b.id)).toEqual(['a']);
    expect(list.map((b) => b.id)).toEqual(['a', 'b', 'c']);
  });

  it('filters by name and source too', () => {
    const named = [{ ...backup('x'), name: 'Nightly DB', source: 'vol-42' }, backup('y')];
    expect(sortAndFilterBackups(named, { column: 'createdAt', direction: 'desc' }, 'nightly').map((b) => b.id)).toEqual(['x']);
    expect(sortAndFilterBackups(named, { column: 'createdAt', direction: 'desc' }, 'VOL-4').map((b) => b.id)).toEqual(['x']);
  });
});
