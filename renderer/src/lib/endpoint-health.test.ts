import { describe, expect, it } from 'vitest';
import { latestHealth } from './endpoint-health';

describe('latestHealth', () => {
  it('is unknown without evidence', () => {
    expect(latestHealth({})).toBeUndefined();
  });

  it('takes a successful backup list as reachable', () => {
    expect(latestHealth({ list: { ok: true, count: 7, at: 10 } })).toEqual({ ok: true, message: 'answered with 7 backups' });
  });

  it('lets the newer of test and list win', () => {
    const failedTest = { result: { ok: false, message: 'Nothing is listening' }, at: 5 };
    expect(latestHealth({ test: failedTest, list: { ok: true, count: 1, at: 10 } })).toMatchObject({ ok: true });
    expect(latestHealth({ test: { ...failedTest, at: 20 }, list: { ok: true, count: 1, at: 10 } })).toMatchObject({ ok: false });
    expect(latestHealth({ list: { ok: false, message: 'Pieces OS is not signed in', at: 3 } })).toEqual({ ok: false, message: 'Pieces OS is not signed in' });
  });
});
