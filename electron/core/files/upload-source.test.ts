import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { openPathUpload, peekHead, streamedUpload, uploadProblems } from './upload-source';

let dir: string;
let dataDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-upload-'));
  dataDir = join(dir, 'data');
  mkdirSync(dataDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const gz = gzipSync(Buffer.from('appliance configuration '.repeat(1000)));

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function drained(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('uploadProblems', () => {
  it('refuses empty files and files without the gzip magic, saying what to pick instead', () => {
    expect(uploadProblems(0, undefined)[0]).toMatch(/empty/);
    expect(uploadProblems(10, Buffer.from('PK'))[0]).toMatch(/50 4b, not 1f 8b/);
    expect(uploadProblems(gz.length, gz.subarray(0, 2))).toEqual([]);
  });
});

describe('openPathUpload', () => {
  it('streams exactly the file and knows the SHA-256 of what was read', async () => {
    const path = join(dir, 'box.backup.tgz');
    writeFileSync(path, gz);
    const upload = await openPathUpload(path, { dataDir });
    expect(upload).toMatchObject({ name: 'box.backup.tgz', sizeBytes: gz.length });
    expect((await drained(upload.open())).equals(gz)).toBe(true);
    expect(upload.sha256()).toBe(createHash('sha256').update(gz).digest('hex'));
    expect(() => upload.open()).toThrow(/once/);
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the file when the upload stops midway (a cancel destroys only what it reads from)', async () => {
    const path = join(dir, 'big.backup.tgz');
    writeFileSync(path, Buffer.concat([gz, Buffer.alloc(8 * 1024 * 1024, 1)]));
    const openOnIt = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
    const stream = (await openPathUpload(path, { dataDir })).open();
    await new Promise((resolve) => stream.once('data', resolve));
    expect(openOnIt()).toHaveLength(1);
    stream.destroy();
    await vi.waitFor(() => expect(openOnIt()).toEqual([]));
  });

  it('refuses a file that is not gzip, an empty one, a folder, a hidden path and the data folder, before reading on', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'empty.tgz'), '');
    mkdirSync(join(dir, '.ssh'));
    writeFileSync(join(dir, '.ssh', 'id.tgz'), gz);
    writeFileSync(join(dataDir, 'secrets.tgz'), gz);
    symlinkSync(join(dataDir, 'secrets.tgz'), join(dir, 'innocent.tgz'));
    expect((await failure(openPathUpload(join(dir, 'notes.txt'), { dataDir }))).message).toMatch(/gzip/);
    expect((await failure(openPathUpload(join(dir, 'empty.tgz'), { dataDir }))).message).toMatch(/empty/);
    expect((await failure(openPathUpload(dir, { dataDir }))).message).toMatch(/not a regular file/);
    expect((await failure(openPathUpload(join(dir, '.ssh', 'id.tgz'), { dataDir }))).message).toMatch(/hidden/);
    expect((await failure(openPathUpload(join(dir, 'innocent.tgz'), { dataDir }))).message).toMatch(/data folder/);
    expect((await failure(openPathUpload('relative.tgz', { dataDir }))).code).toBe('validation');
    expect((await failure(openPathUpload(join(dir, 'missing.tgz'), { dataDir }))).code).toBe('local-file');
  });
});

describe('streamedUpload (browser mode)', () => {
  it('stops before passing on a single byte when the stream does not start with the gzip magic', async () => {
    const upload = streamedUpload('x.tgz', 5, Readable.from([Buffer.from('h'), Buffer.from('ello')]));
    const passed: Buffer[] = [];
    const stream = upload.open();
    stream.on('data', (c: Buffer) => passed.push(c));
    const error = await new Promise<unknown>((resolve) => stream.on('error', resolve));
    expect(error).toMatchObject({ code: 'validation' });
    expect(passed).toHaveLength(0);
  });

  it('fails when fewer bytes arrive than announced (a browser upload cut short), and when more do', async () => {
    const short = streamedUpload('x.tgz', gz.length + 10, Readable.from([gz]));
    await expect(text(short.open())).rejects.toMatchObject({ code: 'local-file', message: expect.stringMatching(/Only \d+ of the \d+ bytes/) });
    const long = streamedUpload('x.tgz', gz.length - 1, Readable.from([gz]));
    await expect(text(long.open())).rejects.toMatchObject({ code: 'local-file', message: expect.stringMatching(/grew/) });
    expect(short.sha256()).toBeUndefined();
  });

  it('passes a magic split over two chunks through intact', async () => {
    const upload = streamedUpload('../../etc/x.tgz', gz.length, Readable.from([gz.subarray(0, 1), gz.subarray(1)]));
    expect(upload.name).toBe('x.tgz');
    expect((await drained(upload.open())).equals(gz)).toBe(true);
  });
});

describe('peekHead', () => {
  it('shows the first bytes and leaves every byte to read, also when the stream is shorter than asked', async () => {
    const { head, stream } = await peekHead(Readable.from([gz.subarray(0, 1), gz.subarray(1, 5000), gz.subarray(5000)]), 2);
    expect(head.toString('hex')).toBe('1f8b');
    expect((await drained(stream)).equals(gz)).toBe(true);
    const short = await peekHead(Readable.from([Buffer.from('x')]), 2);
    expect(short.head.toString()).toBe('x');
    expect((await drained(short.stream)).toString()).toBe('x');
    const empty = await peekHead(Readable.from([]), 2);
    expect(empty.head.length).toBe(0);
  });
});
