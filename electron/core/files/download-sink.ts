import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';

export interface WrittenFile {
  bytes: number;
  /** Digests of exactly the bytes written, for checking against what the endpoint published. */
  sha1Base64: string;
  sha256Hex: string;
}

/**
 * Where a download goes. Bytes stream into `<destination>.part` (never held whole in memory) and
 * the file only takes its real name after `commit`, so a partial download never looks complete.
 */
export interface DownloadSink {
  readonly destination: string;
  write(source: Readable | AsyncIterable<Uint8Array>, onBytes: (total: number) => void, signal?: AbortSignal): Promise<WrittenFile>;
  /** Gives the file its real name; call only after the content was verified. */
  commit(): Promise<void>;
  /** Removes the partial file (after a failure, a checksum mismatch or a cancel). Safe to call twice. */
  discard(): Promise<void>;
}

export function partPathOf(destination: string): string {
  return `${destination}.part`;
}

export function openDownloadSink(destination: string): DownloadSink {
  const part = partPathOf(destination);
  let written = false;
  return {
    destination,
    async write(source, onBytes, signal) {
      if (written) throw new AppError('internal', 'A download sink takes one stream.');
      written = true;
      const sha1 = createHash('sha1');
      const sha256 = createHash('sha256');
      let bytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          sha1.update(chunk);
          sha256.update(chunk);
          bytes += chunk.length;
          onBytes(bytes);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(source, measure, createWriteStream(part, { flags: 'w', mode: 0o600 }), { signal });
      } catch (error) {
        await rm(part, { force: true });
        if (signal?.aborted) throw new AppError('cancelled', 'The download was cancelled; the partial file was removed.');
        throw error;
      }
      return { bytes, sha1Base64: sha1.digest('base64'), sha256Hex: sha256.digest('hex') };
    },
    async commit() {
      await rename(part, destination);
    },
    async discard() {
      await rm(part, { force: true });
    },
  };
}
