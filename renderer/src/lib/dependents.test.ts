import { describe, expect, it } from 'vitest';
import { hasDependents, knownDependents } from './dependents';

describe('dependents', () => {
  const full = { id: 'full', dependentIds: ['i1'], details: {} };
  const list = [{ id: 'i1', parentId: 'full' }, { id: 'i2', parentId: 'full' }, { id: 'x' }];

  it('merges what the endpoint named with children found in the list', () => {
    expect(knownDependents(full, list)).toEqual(['i1', 'i2']);
    expect(knownDependents({ id: 'x' }, list)).toEqual([]);
  });

  it('trusts a has_dependent_backups flag even without ids', () => {
    expect(hasDependents({ id: 'c', details: { has_dependent_backups: true } })).toBe(true);
    expect(hasDependents({ id: 'c', details: { has_dependent_backups: false } })).toBe(false);
    expect(hasDependents(full, [])).toBe(true);
  });
});
