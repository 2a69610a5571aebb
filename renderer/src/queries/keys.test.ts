import { describe, expect, it } from 'vitest';
import { queryKeys } from './keys';

function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, i) => key[i] === part);
}

describe('queryKeys', () => {
  it('nests every family under one root', () => {
    for (const key of [queryKeys.appInfo(), queryKeys.kinds(), queryKeys.vault(), queryKeys.endpoints.list(), queryKeys.jobs.list()]) {
      expect(startsWith(key, queryKeys.all)).toBe(true);
    }
  });

  it("lets one endpoint's prefix cover its list and details but not another endpoint's", () => {
    const prefix = queryKeys.backups.forEndpoint('e1');
    expect(startsWith(queryKeys.backups.list('e1'), prefix)).toBe(true);
    expect(startsWith(queryKeys.backups.detail('e1', 'b1'), prefix)).toBe(true);
    expect(startsWith(queryKeys.backups.list('e2'), prefix)).toBe(false);
    expect(startsWith(queryKeys.backups.list('e1'), queryKeys.backups.all())).toBe(true);
  });

  it('puts server-side filters in the list key, under the unfiltered list', () => {
    expect(queryKeys.backups.filteredList('e1', undefined)).toEqual(queryKeys.backups.list('e1'));
    const filtered = queryKeys.backups.filteredList('e1', { status: 'error' });
    expect(filtered).not.toEqual(queryKeys.backups.list('e1'));
    expect(startsWith(filtered, queryKeys.backups.list('e1'))).toBe(true);
    expect(startsWith(filtered, queryKeys.backups.forEndpoint('e1'))).toBe(true);
  });

  it('keeps connection tests out of the endpoints family', () => {
    expect(startsWith(queryKeys.connectionTest('e1'), queryKeys.endpoints.all())).toBe(false);
  });
});
