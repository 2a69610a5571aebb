import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { drained } from '../common/backpressure';
import type { ApplianceContext } from './context';
import { takeOneShot } from './faults';
import { Pacer } from './pacer';

/**
 * GET /backups/items/{id}/file: 200 application/x-gzip with Content-Length, streamed from disk with
 * backpressure (flat memory for a 2 GiB file), paced by slowLinkBytesPerSecond. Under
 * dropDownloadAfterBytes the full Content-Length is promised, that many bytes are sent, and the
 * connection is closed.
 */
export async function sendBackupFile(ctx: ApplianceContext, id: string, res: ServerResponse): Promise<void> {
  const backup = ctx.store.completed(id);
  const { size } = await stat(backup.path);
  const dropAfter = takeOneShot(ctx.faults, 'dropDownloadAfterBytes');
  const socket = res.socket;
  if (socket) ctx.transfers.add(socket);
  res.writeHead(200, {
    'Content-Type': 'application/x-gzip',
    'Content-Length': size,
    'Content-Disposition': `attachment; filename="${backup.wire.hostname}-${id}.backup.tgz"`,
  });
  res.flushHeaders();
  const pacer = new Pacer(() => ctx.faults.slowLinkBytesPerSecond);
  const cut = () => res.socket?.destroySoon();
  let sent = 0;
  try {
    if (dropAfter !== undefined && dropAfter <= 0) return cut();
    for await (const chunk of createReadStream(backup.path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      for (let offset = 0; offset < chunk.length; ) {
        let piece = chunk.subarray(offset, offset + Math.min(pacer.slice(), chunk.length - offset));
        const last = dropAfter !== undefined && sent + piece.length >= dropAfter;
        if (last) piece = piece.subarray(0, dropAfter - sent);
        await pacer.take(piece.length);
        if (res.destroyed) return;
        offset += piece.length;
        sent += piece.length;
        const more = res.write(piece);
        if (last) return cut();
        if (!more) await drained(res);
      }
    }
    if (!res.destroyed) res.end();
  } finally {
    if (socket) ctx.transfers.delete(socket);
  }
}
