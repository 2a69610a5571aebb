import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip, gunzipSync } from 'node:zlib';
import { seededNoise } from '../common/seeded-noise';

/**
 * Backup files are real .tgz archives: a ustar stream, gzip-compressed. The first member is
 * `backup_info.json` (where the backup came from); the rest is seeded pseudo-random payload, so a file
 * compresses hardly at all and its size is close to what was asked for. Written as a stream: a 2 GiB file
 * never sits in memory.
 */
export interface ArchiveMeta {
  hostname: string;
  model: string;
  serial: string;
  sw_version: string;
  backup_time: number;
  description: string;
}

export const ARCHIVE_INFO_NAME = 'backup_info.json';
const BLOCK = 512;
const CHUNK = 64 * 1024;
const MEMBER_BYTES = 4 * 1024 * 1024;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** A ustar header block for a regular file. */
export function tarHeader(name: string, size: number, mtimeS: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  header.write(name.slice(0, 99), 0, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(mtimeS, 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0' + '00', 257, 'ascii');
  header.write('root', 265, 'ascii');
  header.write('root', 297, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return header;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

function* member(name: string, body: Buffer, mtimeS: number): Generator<Buffer> {
  yield tarHeader(name, body.length, mtimeS);
  yield body;
  yield padding(body.length);
}

function settingsText(meta: ArchiveMeta): Buffer {
  const lines = [`# ${meta.model} ${meta.sw_version} configuration (simulated)`, `hostname ${meta.hostname}`];
  for (let i = 0; i < 64; i++) lines.push(`capture.interface.mgmt${i % 4}.rule${i} = enabled filter="port ${1000 + i}"`);
  return Buffer.from(lines.join('\n') + '\n');
}

/** The uncompressed tar stream: info, settings, then payload members until about `approxBytes`. */
export function* tarParts(meta: ArchiveMeta, approxBytes: number, seed: number): Generator<Buffer> {
  const mtime = meta.backup_time;
  yield* member(ARCHIVE_INFO_NAME, Buffer.from(JSON.stringify(meta, null, 2) + '\n'), mtime);
  yield* member('config/settings.conf', settingsText(meta), mtime);
  let left = Math.max(0, approxBytes - 4 * BLOCK);
  let chunkIndex = 0;
  for (let n = 0; left > 0; n++) {
    const size = Math.min(left, MEMBER_BYTES);
    yield tarHeader(`data/store-${String(n).padStart(4, '0')}.bin`, size, mtime);
    for (let offset = 0; offset < size; offset += CHUNK) yield seededNoise(seed, chunkIndex++, Math.min(CHUNK, size - offset));
    yield padding(size);
    left -= size + BLOCK;
  }
  yield Buffer.alloc(2 * BLOCK);
}

/** Writes the .tgz for `meta` at `path` (about `approxBytes` long) and resolves with its size on disk. */
export async function writeBackupArchive(path: string, meta: ArchiveMeta, approxBytes: number, seed: number): Promise<number> {
  // The payload is noise, which deflate cannot shrink: past 8 MiB stored blocks (level 0) give the same size ten times faster.
  const level = approxBytes > 8 * 1024 * 1024 ? 0 : 1;
  await pipeline(Readable.from(tarParts(meta, approxBytes, seed)), createGzip({ level }), createWriteStream(path));
  return (await stat(path)).size;
}

/** How much of the start of an upload is kept to read its `backup_info.json`. */
export const META_HEAD_BYTES = 16 * 1024;

const isMeta = (v: Record<string, unknown>): boolean =>
  ['hostname', 'model', 'serial', 'sw_version', 'description'].every((k) => typeof v[k] === 'string') && typeof v.backup_time === 'number';

/** Reads `backup_info.json` from the first bytes of a .tgz; undefined when the file does not start with one. */
export function readArchiveMeta(head: Buffer): ArchiveMeta | undefined {
  let tar: Buffer;
  try {
    // A truncated gzip stream decompresses as far as it goes with Z_SYNC_FLUSH instead of throwing.
    tar = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 4 * 1024 * 1024 });
  } catch {
    return undefined;
  }
  if (tar.length < BLOCK || tar.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '') !== ARCHIVE_INFO_NAME) return undefined;
  const size = parseInt(tar.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
  if (!Number.isFinite(size) || tar.length < BLOCK + size) return undefined;
  try {
    const value = JSON.parse(tar.subarray(BLOCK, BLOCK + size).toString('utf8')) as Record<string, unknown>;
    if (!isMeta(value)) return undefined;
    const { hostname, model, serial, sw_version, backup_time, description } = value as unknown as ArchiveMeta;
    return { hostname, model, serial, sw_version, backup_time, description };
  } catch {
    return undefined;
  }
}
