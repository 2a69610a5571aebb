import { describe, expect, it } from 'vitest';
import type { Backup } from '../../../shared/domain';
import { backupLimitStatus, limitSentence, oldestBackup } from './backup-limit';

const backup = (id: string, createdAt?: string, state: Backup['state'] = 'available'): Backup => ({
  id,
  endpointId: 'e1',
  state,
  statusText: state,
  createdAt,
  details: {},
});

describe('backupLimitStatus', () => {
  it('says nothing for kinds without a limit or before the list is known', () => {
    expect(backupLimitStatus(undefined, [backup('a')])).toBeUndefined();
    expect(backupLimitStatus(2, undefined)).toBeUndefined();
  });

  it('is full at the limit (or above it) and offers the oldest', () => {
    const list = [backup('new', '2025-03-01T00:00:00Z'), backup('old', '2025-01-01T00:00:00Z')];
    expect(backupLimitStatus(2, list)).toMatchObject({ limit: 2, count: 2, full: true, oldest: { id: 'old' } });
    expect(backupLimitStatus(2, [...list, backup('x', '2024-01-01T00:00:00Z')])).toMatchObject({ full: true, oldest: { id: 'x' } });
    expect(backupLimitStatus(2, list.slice(0, 1))).toEqual({ limit: 2, count: 1, full: false, oldest: undefined });
  });
});

describe('oldestBackup', () => {
  it('never offers one still being made, and puts undated ones last', () => {
    expect(oldestBackup([backup('making', '2020-01-01T00:00:00Z', 'creating'), backup('done', '2025-01-01T00:00:00Z')])?.id).toBe('done');
    expect(oldestBackup([backup('undated'), backup('dated', '2025-01-01T00:00:00Z')])?.id).toBe('dated');
    expect(oldestBackup([backup('undated')])?.id).toBe('undated');
    expect(oldestBackup([backup('making', undefined, 'creating')])).toBeUndefined();
  });
});

describe('limitSentence', () => {
  it('names the kind, the limit and what is refused', () => {
    expect(limitSentence('Network appliance', 2, 'upload')).toBe('Network appliance keeps at most 2 backups; uploading a third is refused.');
    expect(limitSentence('Box', 1, 'create')).toBe('Box keeps at most 1 backup; creating a second is refused.');
    expect(limitSentence('Box', 12, 'create')).toBe('Box keeps at most 12 backups; creating another is refused.');
  });
});
