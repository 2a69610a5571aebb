import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { open } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openDownloadSink } from './download-sink';
import { fileSystemError } from './file-system-errors';
import { leftoverParts } from './test-kit';

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
  it('writes tens of MiB exactly (batched writes, flushes along the way) and fails the download when a flush fails', async () => {
    const big = openDownloadSink(join(dir, 'big.tgz'));
    const written = await big.write(chunks(640, 64 * 1024), () => undefined);
    await big.commit();
    const content = readFileSync(join(dir, 'big.tgz'));
    expect(content.length).toBe(640 * 64 * 1024);
    expect(written.sha256Hex).toBe(createHash('sha256').update(content).digest('hex'));

    const probe = await open(join(dir, 'big.tgz'), 'r');
    const fileHandlePrototype = Object.getPrototypeOf(probe) as { datasync(): Promise<void> };
    await probe.close();
    const eio = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    const spy = vi.spyOn(fileHandlePrototype, 'datasync').mockRejectedValue(eio);
    try {
      const destination = join(dir, 'unlucky.tgz');
      const sink = openDownloadSink(destination);
      await expect(sink.write(chunks(640, 64 * 1024), () => undefined)).rejects.toThrow(/EIO/);
      expect(spy).toHaveBeenCalled();
      expect(existsSync(destination)).toBe(false);
      expect(leftoverParts(destination)).toEqual([]);
      expect(sink.saved).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });

  it('streams into a .part file of its own, hashes exactly what it wrote, and takes the real name only on commit', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const sink = openDownloadSink(destination);
    const seen: number[] = [];
    const written = await sink.write(chunks(8, 64 * 1024), (n) => seen.push(n), undefined, { sha1: true });
    const [part] = leftoverParts(destination);
    const content = readFileSync(join(dir, part!));
    expect(written.bytes).toBe(8 * 64 * 1024);
    expect(written.sha1Base64).toBe(createHash('sha1').update(content).digest('base64'));
    expect(written.sha256Hex).toBe(createHash('sha256').update(content).digest('hex'));
    expect(seen.at(-1)).toBe(written.bytes);
    expect((await openDownloadSink(join(dir, 'other.tgz')).write(chunks(1, 10), () => undefined)).sha1Base64).toBeUndefined();
    expect(existsSync(destination)).toBe(false);
    await sink.commit();
    expect(readFileSync(destination)).toEqual(content);
    expect(leftoverParts(destination)).toEqual([]);
  });

  it('leaves nothing that looks complete when the source fails midway', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const sink = openDownloadSink(destination);
    await expect(sink.write(chunks(8, 1024, 3), () => undefined)).rejects.toThrow(/connection reset/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('owns the source from the first moment: a connection that breaks while the .part file is being opened fails the write, with nothing left', async () => {
    const destination = join(dir, 'early.tgz');
    const sink = openDownloadSink(destination);
    const source = new PassThrough();
    const writing = sink.write(source, () => undefined);
    // Before the sink's file is open: an error with no listener here would crash the process.
    source.destroy(new Error('socket hang up'));
    await expect(writing).rejects.toThrow(/socket hang up/);
    expect(existsSync(destination)).toBe(false);
    expect(leftoverParts(destination)).toEqual([]);
  });

  it('stops and removes the partial file on cancel', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const sink = openDownloadSink(destination);
    const controller = new AbortController();
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
      },
    });
    const writing = sink.write(endless, (n) => n > 10 * 1024 && controller.abort(), controller.signal);
    await expect(writing).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never replaces a file that appeared meanwhile unless told to, and keeps the verified download under another name', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const sink = openDownloadSink(destination, { overwrite: false });
    await sink.write(chunks(2, 1024), () => undefined);
    writeFileSync(destination, 'someone else wrote this');
    const error = await sink.commit().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('nothing was replaced') });
    expect(readFileSync(destination, 'utf8')).toBe('someone else wrote this');
    const kept = readdirSync(dir).filter((f) => f.endsWith('.downloaded'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!)).length).toBe(2048);

    const replacing = openDownloadSink(destination, { overwrite: true });
    await replacing.write(chunks(1, 10), () => undefined);
    await replacing.commit();
    expect(readFileSync(destination).length).toBe(10);
  });

  it('gives two downloads of one destination separate partial files', async () => {
    const destination = join(dir, 'backup.tar.gz');
    const a = openDownloadSink(destination);
    const b = openDownloadSink(destination);
    await Promise.all([a.write(chunks(4, 1000), () => undefined), b.write(chunks(2, 1000), () => undefined)]);
    expect(leftoverParts(destination)).toHaveLength(2);
    await a.commit();
    expect(readFileSync(destination).length).toBe(4000);
    await b.discard();
    expect(leftoverParts(destination)).toEqual([]);
  });

  it('does not write through a symlink planted in the folder', async () => {
    const target = join(dir, 'victim');
    writeFileSync(target, 'precious');
    mkdirSync(join(dir, 'out'));
    const destination = join(dir, 'out', 'backup.tar.gz');
    const sink = openDownloadSink(destination);
    // Whatever the attacker guesses, the part name is fresh and created exclusively.
    for (let i = 0; i < 5; i++) symlinkSync(target, join(dir, 'out', `backup.tar.gz.guess${i}.part`));
    await sink.write(chunks(1, 100), () => undefined);
    await sink.commit();
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('says what a disk problem means for which file', () => {
    const full = fileSystemError(Object.assign(new Error('no space'), { code: 'ENOSPC' }), '/data/b.tgz');
    expect(full).toBeInstanceOf(AppError);
    expect(full).toMatchObject({ code: 'local-file', message: expect.stringContaining('is full') });
    expect(fileSystemError(Object.assign(new Error('ro'), { code: 'EROFS' }), '/x')).toMatchObject({ message: expect.stringContaining('read-only') });
    const other = new Error('odd');
    expect(fileSystemError(other, '/x')).toBe(other);
  });
});
