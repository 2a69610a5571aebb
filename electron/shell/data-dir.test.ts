import { describe, expect, it } from 'vitest';
import { resolveDataDirOverride } from './data-dir';

describe('resolveDataDirOverride', () => {
  it('reads --user-data-dir in both spellings', () => {
    expect(resolveDataDirOverride(['electron', 'main.js', '--user-data-dir=/tmp/a'], {})).toBe('/tmp/a');
    expect(resolveDataDirOverride(['electron', 'main.js', '--user-data-dir', '/tmp/b'], {})).toBe('/tmp/b');
  });

  it('prefers the flag over the environment variable', () => {
    expect(resolveDataDirOverride(['--user-data-dir=/tmp/a'], { BACKUP_CONSOLE_DATA_DIR: '/tmp/env' })).toBe('/tmp/a');
    expect(resolveDataDirOverride(['main.js'], { BACKUP_CONSOLE_DATA_DIR: '/tmp/env' })).toBe('/tmp/env');
  });

  it('resolves relative paths against cwd', () => {
    expect(resolveDataDirOverride([], { BACKUP_CONSOLE_DATA_DIR: 'data' }, '/work')).toBe('/work/data');
  });

  it('returns undefined when nothing (or nothing usable) is given', () => {
    expect(resolveDataDirOverride(['main.js'], {})).toBeUndefined();
    expect(resolveDataDirOverride(['--user-data-dir'], { BACKUP_CONSOLE_DATA_DIR: '  ' })).toBeUndefined();
    expect(resolveDataDirOverride(['--user-data-dir', '--inspect'], {})).toBeUndefined();
  });
});
