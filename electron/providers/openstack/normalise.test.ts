import { describe, expect, it } from 'vitest';
import { detailsOf, gibToBytes, reportedGib, wireTimestampToIso } from './normalise';

describe('OpenStack normalisation', () => {
  it('turns GiB into bytes, including Trove fractions', () => {
    expect(gibToBytes(10)).toBe(10 * 1024 ** 3);
    expect(gibToBytes(0.5)).toBe(512 * 1024 ** 2);
    expect(reportedGib(10)).toBe('10 GiB');
  });

  it('reads zone-less timestamps as UTC', () => {
    expect(wireTimestampToIso('2023-06-23T11:56:02.509831')).toBe('2023-06-23T11:56:02.509Z');
    expect(wireTimestampToIso('2023-06-23T11:56:02')).toBe('2023-06-23T11:56:02.000Z');
    expect(wireTimestampToIso('2023-06-23 11:56:02')).toBe('2023-06-23T11:56:02.000Z');
  });

  it('keeps an explicit zone', () => {
    expect(wireTimestampToIso('2015-11-07T02:58:43.578887Z')).toBe('2015-11-07T02:58:43.578Z');
    expect(wireTimestampToIso('2015-11-07T04:58:43+02:00')).toBe('2015-11-07T02:58:43.000Z');
  });

  it('gives undefined for missing or unreadable timestamps', () => {
    expect(wireTimestampToIso(null)).toBeUndefined();
    expect(wireTimestampToIso('yesterday')).toBeUndefined();
  });

  it('keeps every other wire field as a details value, objects as JSON', () => {
    expect(detailsOf({ id: 'x', metadata: { a: '1' }, container: null, is_incremental: true, gone: undefined }, ['id'])).toEqual({
      metadata: '{"a":"1"}',
      container: null,
      is_incremental: true,
    });
  });
});
