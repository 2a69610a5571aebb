import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeFileName } from '../service/file-handlers';
import { checkSaveDestination, type DestinationRules } from './save-destination';

let dir: string;
let rules: DestinationRules;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-dest-'));
  mkdirSync(join(dir, 'data'));
  rules = { dataDir: join(dir, 'data'), inUse: new Set() };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const check = (path: string, overwrite = false) => checkSaveDestination({ path, overwrite }, rules);

describe('save destination checks (main decides, whatever the renderer sent)', () => {
  it('refuses relative paths, missing folders and folders, and an existing file unless replacing was agreed', async () => {
    await expect(check('backup.tar.gz')).rejects.toMatchObject({ code: 'validation' });
    await expect(check(join(dir, 'missing', 'b.tgz'))).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('does not exist') });
    await expect(check(dir, true)).rejects.toMatchObject({ code: 'validation' });
    const existing = join(dir, 'b.tgz');
    writeFileSync(existing, 'old');
    await expect(check(existing)).rejects.toMatchObject({ code: 'conflict' });
    await expect(check(existing, true)).resolves.toBe(existing);
    await expect(check(join(dir, 'new.tgz'))).resolves.toBe(join(dir, 'new.tgz'));
  });

  it('never writes into the app data folder, hidden folders, hidden files or through a symlink', async () => {
    await expect(check(join(dir, 'data', 'secrets.json'), true)).rejects.toThrow(/own data folder/);
    mkdirSync(join(dir, '.ssh'));
    await expect(check(join(dir, '.ssh', 'authorized_keys'), true)).rejects.toThrow(/hidden/);
    await expect(check(join(dir, '.bashrc'), true)).rejects.toThrow(/hidden/);
    symlinkSync(join(dir, 'data'), join(dir, 'innocent'));
    await expect(check(join(dir, 'innocent', 'endpoints.json'), true)).rejects.toThrow(/own data folder/);
    writeFileSync(join(dir, 'real'), 'x');
    symlinkSync(join(dir, 'real'), join(dir, 'link.tgz'));
    await expect(check(join(dir, 'link.tgz'), true)).rejects.toThrow(/symbolic link/);
  });

  it('on the desktop, takes only a path the save dialog returned', async () => {
    rules.chosenByDialog = new Set([join(dir, 'chosen.tgz')]);
    await expect(check(join(dir, 'typed.tgz'))).rejects.toThrow(/save dialog/);
    await expect(check(join(dir, 'chosen.tgz'))).resolves.toBe(join(dir, 'chosen.tgz'));
  });

  it('refuses a destination another download is writing', async () => {
    rules.inUse.add(join(dir, 'busy.tgz'));
    await expect(check(join(dir, 'busy.tgz'))).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Another download') });
  });

  it('keeps a suggested file name a plain name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('juju backup 2024:01.tar.gz')).toBe('juju-backup-2024-01.tar.gz');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('..')).toBe('backup');
  });
});
