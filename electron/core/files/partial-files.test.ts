import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { openDownloadSink } from './download-sink';
import { PartialFiles } from './partial-files';
import { leftoverParts } from './test-kit';

let dir: string;
let listFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bc-partials-'));
  listFile = join(dir, 'data', 'partial-downloads.json');
  mkdirSync(join(dir, 'data'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const listed = () => (JSON.parse(readFileSync(listFile, 'utf8')) as { parts: string[] }).parts;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('partial downloads left by a crash', () => {
  it('are removed at the next start, and nothing else in the folder is touched', async () => {
    const { partials } = await PartialFiles.open(listFile, silentLogger);
    const destination = join(dir, 'backup.tgz');
    const sink = openDownloadSink(destination, { overwrite: false, partRegistry: partials });
    // A transfer under way when the process dies: bytes on disk, no discard, no commit.
    const source = new PassThrough();
    const writing = sink.write(source, () => undefined);
    // Handled from the start: if a wait below fails, the write's own end must not surface as an unhandled rejection.
    const written = writing.then(() => 'written', (error: unknown) => error);
    source.write(Buffer.alloc(64 * 1024, 7));
    await until(() => leftoverParts(destination).length === 1);
    const part = join(dir, leftoverParts(destination)[0]!);
    expect(listed()).toEqual([part]);

    const usersOwn = join(dir, 'notes.12345678.part');
    writeFileSync(usersOwn, 'not ours');
    const { swept } = await PartialFiles.open(listFile, silentLogger);
    expect(swept).toEqual({ removed: [part], skipped: [] });
    expect(existsSync(part)).toBe(false);
    expect(existsSync(usersOwn)).toBe(true);
    expect(listed()).toEqual([]);

    source.destroy(new Error('the old process is gone'));
    expect(await written).toMatchObject({ message: 'the old process is gone' });
  });

  it('are listed only while they exist: a committed or discarded download leaves the list empty', async () => {
    const { partials } = await PartialFiles.open(listFile, silentLogger);
    const kept = openDownloadSink(join(dir, 'kept.tgz'), { overwrite: false, partRegistry: partials });
    await kept.write(Readable.from([Buffer.from([0x1f, 0x8b, 1, 2])]), () => undefined);
    expect(listed()).toHaveLength(1);
    await kept.commit();
    expect(listed()).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['data', 'kept.tgz']);

    const dropped = openDownloadSink(join(dir, 'dropped.tgz'), { overwrite: false, partRegistry: partials });
    await dropped.write(Readable.from([Buffer.from([0x1f, 0x8b])]), () => undefined);
    await dropped.discard();
    expect(listed()).toEqual([]);
  });

  it('leaves alone a listed path that is no longer a plain file, and starts afresh from an unreadable list', async () => {
    const folder = join(dir, 'backup.tgz.0a1b2c3d.part');
    mkdirSync(folder);
    writeFileSync(listFile, JSON.stringify({ version: 1, parts: [folder, join(dir, 'gone.tgz.00000000.part')] }));
    const { swept } = await PartialFiles.open(listFile, silentLogger);
    expect(swept).toEqual({ removed: [], skipped: [folder] });
    expect(existsSync(folder)).toBe(true);

    writeFileSync(listFile, '{ not json');
    const again = await PartialFiles.open(listFile, silentLogger);
    expect(again.swept).toEqual({ removed: [], skipped: [] });
    expect(listed()).toEqual([]);
    expect(readdirSync(join(dir, 'data')).some((name) => name.startsWith('partial-downloads.json.corrupt-'))).toBe(true);
  });

  it('lists a partial file before it exists', async () => {
    const { partials } = await PartialFiles.open(listFile, silentLogger);
    const seen: { path: string; existed: boolean; listed: string[] }[] = [];
    const registry = {
      adding: async (path: string) => {
        await partials.adding(path);
        seen.push({ path, existed: existsSync(path), listed: listed() });
      },
      gone: (path: string) => partials.gone(path),
    };
    const sink = openDownloadSink(join(dir, 'ordered.tgz'), { overwrite: false, partRegistry: registry });
    await sink.write(Readable.from([Buffer.from([0x1f, 0x8b])]), () => undefined);
    expect(seen).toEqual([{ path: expect.stringMatching(/ordered\.tgz\.[0-9a-f]{8}\.part$/), existed: false, listed: [seen[0]!.path] }]);
    await sink.discard();
  });

  it('keeps listing a leftover whose folder is not there now (a disk not plugged in), and forgets one that is gone from its folder', async () => {
    const unplugged = join(dir, 'usb-disk', 'backup.tgz.0a1b2c3d.part');
    const gone = join(dir, 'backup.tgz.0a1b2c3d.part');
    writeFileSync(listFile, JSON.stringify({ version: 1, parts: [unplugged, gone] }));
    const { swept } = await PartialFiles.open(listFile, silentLogger);
    expect(swept).toEqual({ removed: [], skipped: [] });
    expect(listed()).toEqual([unplugged]);

    mkdirSync(join(dir, 'usb-disk'));
    writeFileSync(unplugged, 'partial');
    expect((await PartialFiles.open(listFile, silentLogger)).swept).toEqual({ removed: [unplugged], skipped: [] });
    expect(listed()).toEqual([]);
  });
});
