import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { moveAside, readJsonFile, writeFileAtomic } from './atomic-file';

const settingsSchema = z.object({ name: z.string(), count: z.number().int() });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bc-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('writeFileAtomic', () => {
  it('writes the content, creates missing folders and leaves no temp files behind', async () => {
    const file = join(dir, 'nested', 'settings.json');
    await writeFileAtomic(file, '{"name":"a","count":1}');
    await writeFileAtomic(file, '{"name":"b","count":2}');
    expect(await readFile(file, 'utf8')).toBe('{"name":"b","count":2}');
    expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json']);
  });

  it.skipIf(process.platform === 'win32')('gives secret files mode 0600, even when replacing a wider file', async () => {
    const file = join(dir, 'secrets.json');
    await writeFile(file, 'old', { mode: 0o644 });
    await writeFileAtomic(file, 'new', { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file intact and cleans up its temp file when the replace fails', async () => {
    // A non-empty folder where the file should go makes the final rename fail after the temp file was written.
    const target = join(dir, 'endpoints.json');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'untouched');
    await expect(writeFileAtomic(target, '{"version":1}')).rejects.toThrow();
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('untouched');
    expect(await readdir(dir)).toEqual(['endpoints.json']);
  });

  it('never lets a partial temp file left by a crashed writer stand in for the real file', async () => {
    const file = join(dir, 'settings.json');
    await writeFileAtomic(file, JSON.stringify({ name: 'good', count: 1 }));
    const stale = join(dir, `.settings.json.99999.deadbeef0000.tmp`);
    await writeFile(stale, '{"name":"half-writ');
    expect(await readJsonFile(file, settingsSchema, 'Settings')).toEqual({ name: 'good', count: 1 });
    await writeFileAtomic(file, JSON.stringify({ name: 'next', count: 2 }));
    expect(await readJsonFile(file, settingsSchema, 'Settings')).toEqual({ name: 'next', count: 2 });
  });

  it('leaves one complete version when many writes race', async () => {
    const file = join(dir, 'race.json');
    const bodies = Array.from({ length: 25 }, (_, i) => JSON.stringify({ name: 'x'.repeat(1000 * (i + 1)), count: i }));
    await Promise.all(bodies.map((body) => writeFileAtomic(file, body)));
    expect(bodies).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['race.json']);
  });
});

describe('readJsonFile', () => {
  it('returns undefined when the file does not exist', async () => {
    expect(await readJsonFile(join(dir, 'missing.json'), settingsSchema, 'Settings')).toBeUndefined();
  });

  it('reports bad JSON as corrupt-config naming the file', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{ not json');
    const error = await caught(readJsonFile(file, settingsSchema, 'Settings'));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toContain(`Settings at ${file} is not valid: `);
    expect(error.hint).toBe('Fix or move the file aside; Backup Console will not overwrite it.');
  });

  it('reports the first schema problem with its field', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ name: 'a', count: 'three' }));
    const error = await caught(readJsonFile(file, settingsSchema, 'Settings'));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toMatch(new RegExp(`^Settings at .*settings\\.json is not valid: count: `));
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports an unreadable file without calling it missing', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{}', { mode: 0o000 });
    const error = await caught(readJsonFile(file, settingsSchema, 'Settings'));
    expect(error.code).toBe('corrupt-config');
    expect(error.message).toContain('cannot be read');
  });
});

describe('moveAside', () => {
  it('renames the file to a timestamped .corrupt copy with the same bytes', async () => {
    const file = join(dir, 'jobs.json');
    await writeFile(file, 'garbage');
    const moved = await moveAside(file, Date.UTC(2025, 0, 2, 3, 4, 5, 6));
    expect(moved).toBe(`${file}.corrupt-2025-01-02T03-04-05-006Z`);
    expect(await readFile(moved, 'utf8')).toBe('garbage');
    expect(await readdir(dir)).toEqual(['jobs.json.corrupt-2025-01-02T03-04-05-006Z']);
  });
});
