import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { META_HEAD_BYTES, readArchiveMeta } from './archive';
import { BodyReader } from './body-reader';
import type { ApplianceContext } from './context';
import { ApiError, errorIds, unsupportedMediaType } from './errors';
import { takeOneShot } from './faults';
import { mediaType, refuseBody, sendJson } from './http-io';
import { Pacer } from './pacer';

const GZIP_MAGIC = [0x1f, 0x8b];

const invalidFile = (why: string) => new ApiError(400, errorIds.invalidFile, `Not a valid backup file: ${why}`);

/** Writes with backpressure; rejects on a disk error. */
function write(file: WriteStream, chunk: Buffer): Promise<void> {
  if (file.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      file.off('drain', done).off('error', done);
      if (error) reject(error);
      else resolve();
    };
    file.once('drain', done).once('error', done);
  });
}

function close(file: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    file.once('error', reject);
    file.end(() => resolve());
  });
}

type Outcome = { kind: 'done'; bytes: number; head: Buffer } | { kind: 'invalid'; why: string } | { kind: 'dropped' };

/** Streams the body to `file`: gzip magic check, throttle, drop fault. Throws when the client aborts. */
async function receive(ctx: ApplianceContext, reader: BodyReader, file: WriteStream): Promise<Outcome> {
  const dropAfter = takeOneShot(ctx.faults, 'dropUploadAfterBytes');
  const pacer = new Pacer(() => ctx.faults.slowLinkBytesPerSecond);
  const head: Buffer[] = [];
  let headBytes = 0;
  let bytes = 0;
  if (dropAfter !== undefined && dropAfter <= 0) return { kind: 'dropped' };
  for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
    if (headBytes < META_HEAD_BYTES) {
      head.push(chunk.subarray(0, META_HEAD_BYTES - headBytes));
      headBytes += Math.min(chunk.length, META_HEAD_BYTES - headBytes);
      const start = Buffer.concat(head);
      if (start.length >= 2 && (start[0] !== GZIP_MAGIC[0] || start[1] !== GZIP_MAGIC[1])) return { kind: 'invalid', why: 'it does not start with the gzip magic bytes 1f 8b' };
    }
    await pacer.take(chunk.length);
    if (dropAfter !== undefined && bytes + chunk.length >= dropAfter) {
      await write(file, chunk.subarray(0, dropAfter - bytes));
      return { kind: 'dropped' };
    }
    bytes += chunk.length;
    await write(file, chunk);
  }
  if (bytes === 0) return { kind: 'invalid', why: 'the request body is empty' };
  if (bytes < 2) return { kind: 'invalid', why: 'it does not start with the gzip magic bytes 1f 8b' };
  return { kind: 'done', bytes, head: Buffer.concat(head) };
}

/**
 * POST /backups/upload (`Content-Type: application/octet-stream`): the body goes to a .part file in
 * dataDir, then the backup is listed 'uploading' with size = bytes received, 'completed' 2 s × timeScale
 * later. Empty or non-gzip bodies get 400 INVALID_BACKUP_FILE; an abort or a drop leaves nothing behind.
 */
export async function receiveUpload(ctx: ApplianceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (mediaType(req) !== 'application/octet-stream') throw unsupportedMediaType(req.headers['content-type'], 'application/octet-stream');
  const slot = ctx.store.reserveUpload();
  const socket = req.socket;
  ctx.transfers.add(socket);
  const reader = new BodyReader(req);
  const file = createWriteStream(slot.partPath);
  // Disk errors surface through write()/close(); this keeps a late one (after destroy) from going unhandled.
  file.on('error', () => undefined);
  let committed = false;
  try {
    const outcome = await receive(ctx, reader, file);
    await close(file);
    if (outcome.kind === 'dropped') return void socket.destroy();
    if (outcome.kind === 'invalid') {
      reader.detach();
      return await refuseBody(req, res, invalidFile(outcome.why));
    }
    const backup = await ctx.store.commitUpload(slot.id, slot.partPath, outcome.bytes, readArchiveMeta(outcome.head));
    committed = true;
    sendJson(res, 201, backup);
  } catch {
    // The client went away (or the disk failed): nothing is listed, the partial file goes below.
    file.destroy();
    socket.destroy();
  } finally {
    reader.detach();
    slot.release();
    ctx.transfers.delete(socket);
    if (!committed) await rm(slot.partPath, { force: true }).catch(() => undefined);
  }
}
