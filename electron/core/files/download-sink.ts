import { createHash, randomBytes } from 'node:crypto';
import { link, open, rename, rm, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/errors';
import { fileSystemError } from './file-system-errors';

export interface WrittenFile {
  bytes: number;
  /** SHA-1 of exactly the bytes written, when asked for (Juju publishes one to check against). */
  sha1Base64?: string;
  /** Always computed: shown with the saved file, and how an upload later recognises it. */
  sha256Hex: string;
}

export interface WriteOptions {
  /** Also compute the SHA-1 (costs CPU on multi-gigabyte files, so only when the endpoint publishes one). */
  sha1?: boolean;
}

/**
 * Where a download goes. Bytes stream into a `.part` file of its own (never held whole in memory)
 * and the file only takes its real name after `commit`, so a partial download never looks complete.
 */
export interface DownloadSink {
  readonly destination: string;
  write(source: Readable | AsyncIterable<Uint8Array>, onBytes: (total: number) => void, signal?: AbortSignal, options?: WriteOptions): Promise<WrittenFile>;
  /** Gives the file its real name; call only after the content was verified. */
  commit(): Promise<void>;
  /** What was committed, and where: undefined until `commit` succeeded. */
  readonly saved: (WrittenFile & { path: string }) | undefined;
  /** Removes the partial file (after a failure, a checksum mismatch or a cancel). Safe to call twice. */
  discard(): Promise<void>;
}

/** A name no other download uses: created exclusively, so no symlink or other writer can be in the way. */
export function partPathFor(destination: string): string {
  return `${destination}.${randomBytes(4).toString('hex')}.part`;
}

/** Whether a path has the shape `partPathFor` gives. */
export function isPartPath(path: string): boolean {
  return /\.[0-9a-f]{8}\.part$/.test(path);
}

/** Keeps a list of the `.part` files in use, so the next start can remove what a crash left behind. */
export interface PartRegistry {
  adding(path: string): Promise<void>;
  gone(path: string): Promise<void>;
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) offset += (await handle.write(chunk, offset)).bytesWritten;
}

async function writevAll(handle: FileHandle, chunks: Buffer[]): Promise<void> {
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const { bytesWritten } = await handle.writev(chunks);
  if (bytesWritten < total) await writeAll(handle, Buffer.concat(chunks).subarray(bytesWritten));
}

/** Flushing while the transfer runs keeps the final sync short instead of writing gigabytes at the end. */
const FLUSH_EVERY_BYTES = 16 * 1024 * 1024;
/** Room for a few MiB between the network and the disk, so a slow write does not stall the socket at once. */
const BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * Writes into an open file and flushes it to disk before reporting the end: the controller may
 * delete its only copy next. Chunks that queue up while a write is under way go out in one writev.
 */
function durableWriter(file: PartFile): Writable {
  let handle: FileHandle;
  let unflushed = 0;
  let flushing: Promise<void> | undefined;
  // A failed flush must fail the download: Linux reports a write-back error once, so the final sync would not see it.
  let flushError: unknown;
  const written = (bytes: number) => {
    unflushed += bytes;
    if (unflushed < FLUSH_EVERY_BYTES || flushing) return;
    unflushed = 0;
    // Not awaited: the disk catches up while the network delivers the next chunks; `final` waits for it.
    flushing = handle
      .datasync()
      .catch((error: unknown) => void (flushError ??= error))
      .finally(() => (flushing = undefined));
  };
  const after = (write: Promise<void>, bytes: number, callback: (error?: Error | null) => void) =>
    write.then(() => {
      if (flushError) return callback(flushError as Error);
      written(bytes);
      callback();
    }, callback);
  return new Writable({
    highWaterMark: BUFFER_BYTES,
    // Opening inside the pipeline, not before it: the source has its error listener from the start.
    construct(callback) {
      file.open().then((opened) => {
        handle = opened;
        callback();
      }, callback);
    },
    write(chunk: Buffer, _encoding, callback) {
      after(writeAll(handle, chunk), chunk.length, callback);
    },
    writev(chunks, callback) {
      const buffers = chunks.map((c) => c.chunk as Buffer);
      after(writevAll(handle, buffers), buffers.reduce((sum, b) => sum + b.length, 0), callback);
    },
    final(callback) {
      Promise.resolve(flushing)
        .then(() => {
          if (flushError) throw flushError;
          return handle.sync();
        })
        .then(() => callback(), callback);
    },
  });
}

/** The `.part` file, opened once on demand; `close` waits for an open still under way, so nothing is left behind. */
class PartFile {
  private opening: Promise<FileHandle> | undefined;
  constructor(
    readonly path: string,
    private readonly registry: PartRegistry | undefined,
  ) {}

  open(): Promise<FileHandle> {
    this.opening ??= this.create();
    return this.opening;
  }

  private async create(): Promise<FileHandle> {
    // Listed before it exists: a crash right after creating it still leaves it listed.
    await this.registry?.adding(this.path);
    try {
      return await open(this.path, 'wx', 0o600);
    } catch (error) {
      // Not ours (it could not be created): never to be swept.
      await this.registry?.gone(this.path);
      throw fileSystemError(error, this.path);
    }
  }

  /** Whether the file was created by this sink (and so may be removed by it). After a failure, a failed close does not matter. */
  async close(): Promise<boolean> {
    const handle = await this.opening?.catch(() => undefined);
    await handle?.close().catch(() => undefined);
    return handle !== undefined;
  }

  /** After a complete write: a network file system may report a deferred write error only here. */
  async closeWritten(): Promise<void> {
    await (await this.opening)?.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename durable; folders cannot be opened for sync on Windows, where rename is durable enough.
  const handle = await open(folder, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

export interface DownloadSinkOptions {
  /** The operator agreed to replace an existing file at the destination. */
  overwrite: boolean;
  /** Called once the sink is done with its destination (committed or discarded). */
  onRelease?: () => void;
  partRegistry?: PartRegistry;
}

export function openDownloadSink(destination: string, options: DownloadSinkOptions = { overwrite: false }): DownloadSink {
  const part = partPathFor(destination);
  let written = false;
  let result: WrittenFile | undefined;
  let saved: (WrittenFile & { path: string }) | undefined;
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    options.onRelease?.();
    await options.partRegistry?.gone(part);
  };
  return {
    destination,
    get saved() {
      return saved;
    },
    async write(source, onBytes, signal, writeOptions = {}) {
      if (written) throw new AppError('internal', 'A download sink takes one stream.');
      written = true;
      const sha1 = writeOptions.sha1 ? createHash('sha1') : undefined;
      const sha256 = createHash('sha256');
      let bytes = 0;
      const measure = new Transform({
        highWaterMark: BUFFER_BYTES,
        transform(chunk: Buffer, _encoding, callback) {
          sha1?.update(chunk);
          sha256.update(chunk);
          bytes += chunk.length;
          onBytes(bytes);
          callback(null, chunk);
        },
      });
      const file = new PartFile(part, options.partRegistry);
      try {
        await pipeline(source, measure, durableWriter(file), { signal });
      } catch (error) {
        if (await file.close()) await rm(part, { force: true });
        await options.partRegistry?.gone(part);
        if (signal?.aborted) throw new AppError('cancelled', 'The download was cancelled; the partial file was removed.');
        throw fileSystemError(error, part);
      }
      await file.closeWritten().catch(async (error: unknown) => {
        await rm(part, { force: true });
        await options.partRegistry?.gone(part);
        throw fileSystemError(error, part);
      });
      result = { bytes, sha256Hex: sha256.digest('hex'), ...(sha1 ? { sha1Base64: sha1.digest('base64') } : {}) };
      return result;
    },
    async commit() {
      try {
        if (options.overwrite) await rename(part, destination);
        else {
          // link() refuses to replace a file that appeared since the destination was checked.
          await link(part, destination);
          await unlink(part);
        }
        if (result) saved = { ...result, path: destination };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(error, destination);
        const kept = `${destination}.${randomBytes(4).toString('hex')}.downloaded`;
        await rename(part, kept);
        throw new AppError('conflict', `A file appeared at ${destination} while the download ran, so nothing was replaced. The verified download is kept as ${kept}.`, 'Rename it as you need.');
      } finally {
        await release();
      }
      await syncFolder(dirname(destination));
    },
    async discard() {
      await rm(part, { force: true });
      await release();
    },
  };
}
