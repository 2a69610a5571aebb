import { createHash } from 'node:crypto';
import { seededNoise } from '../common/seeded-noise';

const CHUNK = 64 * 1024;

/** gzip member header (magic, deflate, no flags, zero mtime, unix): the archive starts like a real .tar.gz. */
const gzipHeader = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);

/** Chunk `index` of the archive seeded by `seed` (rebuilt on demand from both); the first starts with the gzip header. */
function chunk(seed: number, index: number, length: number): Buffer {
  const bytes = seededNoise(seed, index, length);
  if (index === 0) gzipHeader.copy(bytes, 0, 0, Math.min(gzipHeader.length, length));
  return bytes;
}

/** The archive of `size` bytes for `seed`, chunk by chunk; never the whole thing in memory. */
export function* archiveChunks(seed: number, size: number): Generator<Buffer> {
  for (let index = 0, offset = 0; offset < size; index++, offset += CHUNK) yield chunk(seed, index, Math.min(CHUNK, size - offset));
}

/** Juju's `checksum`: base64 of the archive's SHA-1 ("SHA-1, base64 encoded"). */
export function archiveChecksum(seed: number, size: number): string {
  const hash = createHash('sha1');
  for (const part of archiveChunks(seed, size)) hash.update(part);
  return hash.digest('base64');
}

/** A stable 32-bit seed for a backup id. */
export function archiveSeed(id: string): number {
  return createHash('sha1').update(id).digest().readUInt32BE(0);
}
