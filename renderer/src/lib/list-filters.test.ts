import { describe, expect, it } from 'vitest';
import { countListFilters, listFiltersToSend, withListFilter } from './list-filters';

describe('list filters', () => {
  it('sets, trims and removes filters', () => {
    const one = withListFilter(undefined, 'status', ' error ');
    expect(one).toEqual({ status: 'error' });
    expect(withListFilter(one, 'name', 'db')).toEqual({ status: 'error', name: 'db' });
    expect(withListFilter(one, 'status', '  ')).toEqual({});
    expect(countListFilters(withListFilter(one, 'name', 'db'))).toBe(2);
  });

  it('sends only declared filters, in a stable order', () => {
    expect(listFiltersToSend({ volume_id: 'v1', status: 'available', old: 'x' }, ['status', 'volume_id'])).toEqual({ status: 'available', volume_id: 'v1' });
    expect(JSON.stringify(listFiltersToSend({ b: '2', a: '1' }, ['a', 'b']))).toBe('{"a":"1","b":"2"}');
    expect(listFiltersToSend({}, ['status'])).toBeUndefined();
    expect(listFiltersToSend({ old: 'x' }, ['status'])).toBeUndefined();
  });
});
