import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeFileName } from '../service/file-handlers';
import { openDownloadSink, partPathOf } from './download-sink';
import { checkSaveDestination } from './save-destination';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-sink-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function chunks(count: number, size: number, failAfter?: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (failAfter !== undefined && sent === failAfter) return void this.destroy(new Error('connection reset'));
      if (sent === count) return void this.push(null);
      this.push(Buffer.alloc(size, sent++ % 251));
    },
  });
}

describe('download sink', () => {
  it('streams into a .part file, hashes exactly what it wrote, and takes the real name only on commit', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const sink = openDownloadSink(destination);
    const seen: number[] = [];
    const written = await sink.write(chunks(8, 64 * 1024), (n) => seen.push(n));
    const content = readFileSync(partPathOf(destination));
    expect(written.bytes).toBe(8 * 64 * 1024);
    expect(written.sha1Base64).toBe(createHash('sha1').update(content).digest('base64'));
    expect(written.sha256Hex).toBe(createHash('sha256').update(content).digest('hex'));
    expect(seen.at(-1)).toBe(written.bytes);
    expect(existsSync(destination)).toBe(false);
    await sink.commit();
    expect(existsSync(destination)).toBe(true);
    expect(existsSync(partPathOf(destination))).toBe(false);
  });

  it('leaves nothing that looks complete when the source fails midway', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const sink = openDownloadSink(destination);
    await expect(sink.write(chunks(8, 1024, 3), () => undefined)).rejects.toThrow(/connection reset/);
    expect(existsSync(destination)).toBe(false);
    expect(existsSync(partPathOf(destination))).toBe(false);
  });

  it('stops and removes the partial file on cancel', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const sink = openDownloadSink(destination);
    const controller = new AbortController();
    const endless = new Readable({ read() { this.push(Buffer.alloc(1024)); } });
    const writing = sink.write(endless, (n) => n > 10 * 1024 && controller.abort(), controller.signal);
    await expect(writing).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(partPathOf(destination))).toBe(false);
  });
});

describe('save destination checks (main decides, whatever the renderer sent)', () => {
  it('refuses relative paths, missing folders and folders, and an existing file unless replacing was agreed', async () => {
    await expect(checkSaveDestination({ path: 'backup.tar.gz', overwrite: false })).rejects.toMatchObject({ code: 'validation' });
    await expect(checkSaveDestination({ path: join(dir, 'missing', 'b.tgz'), overwrite: false })).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('does not exist') });
    await expect(checkSaveDestination({ path: dir, overwrite: true })).rejects.toMatchObject({ code: 'validation' });
    const existing = join(dir, 'b.tgz');
    writeFileSync(existing, 'old');
    await expect(checkSaveDestination({ path: existing, overwrite: false })).rejects.toMatchObject({ code: 'conflict' });
    await expect(checkSaveDestination({ path: existing, overwrite: true })).resolves.toBe(existing);
    await expect(checkSaveDestination({ path: join(dir, 'new.tgz'), overwrite: false })).resolves.toBe(join(dir, 'new.tgz'));
  });

  it('keeps a suggested file name a plain name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('juju backup 2024:01.tar.gz')).toBe('juju-backup-2024-01.tar.gz');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('..')).toBe('backup');
  });
});
