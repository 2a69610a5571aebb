import { describe, expect, it } from 'vitest';
import { detailFlag, detailRows, failureReason, readableLabel, readableValue } from './detail-fields';

describe('detail fields', () => {
  it('turns wire keys into words', () => {
    expect(readableLabel('availability_zone')).toBe('Availability zone');
    expect(readableLabel('instance_id')).toBe('Instance ID');
    expect(readableLabel('is_incremental')).toBe('Is incremental');
    expect(readableLabel('dataTimestamp')).toBe('Data timestamp');
    expect(readableLabel('datastore.version')).toBe('Datastore version');
    expect(readableLabel('__')).toBe('__');
  });

  it('reads values', () => {
    expect(readableValue(true)).toBe('Yes');
    expect(readableValue(false)).toBe('No');
    expect(readableValue(null)).toBe('—');
    expect(readableValue('')).toBe('—');
    expect(readableValue(3)).toBe('3');
  });

  it('lists every detail but those shown elsewhere, long ones marked', () => {
    const rows = detailRows({ fail_reason: 'x', container: 'backups', description: 'a'.repeat(80), has_dependent_backups: false }, ['fail_reason']);
    expect(rows.map((r) => [r.label, r.value, r.long])).toEqual([
      ['Container', 'backups', false],
      ['Description', 'a'.repeat(80), true],
      ['Has dependent backups', 'No', false],
    ]);
  });

  it('finds the failure reason and flags', () => {
    expect(failureReason({ fail_reason: ' quota exceeded ' })).toBe('quota exceeded');
    expect(failureReason({ fail_reason: null })).toBeUndefined();
    expect(failureReason({ fail_reason: '' })).toBeUndefined();
    expect(detailFlag({ is_incremental: true }, 'is_incremental')).toBe(true);
    expect(detailFlag({ is_incremental: 'False' }, 'is_incremental')).toBe(false);
    expect(detailFlag({}, 'is_incremental')).toBeUndefined();
  });
});
