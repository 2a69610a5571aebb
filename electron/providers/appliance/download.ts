import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { DownloadSink, WrittenFile } from '../../core/files/download-sink';
import { startIdleWatch } from '../../core/http/idle-watch';
import type { OperationContext, ProviderContext } from '../provider';
import { secondsText } from '../text';
import { authed, getWireBackup } from './api';
import { backupPath } from './device-url';
import { readErrorBody, refusal } from './errors';
import { describeBackup } from './normalise';
import { ofTotal, savedText } from './outcomes';
import type { ApplianceTimings } from './timing';
import type { WireBackup } from './wire-schemas';

function contentLength(value: string | string[] | undefined): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(n) && n >= 0 && value !== undefined ? n : undefined;
}

/** What was saved, and what the outcome must add about its length (no Content-Length to check against). */
export interface DownloadedFile extends WrittenFile {
  lengthNote?: string;
}

/** How much of a body that is not gzip is read, to say what it was. */
const PEEK_BYTES = 1024;

/**
 * The body as it goes to the sink, after its first two bytes proved to be the gzip signature (1f 8b):
 * a proxy's page or an error body answered with 200 is refused before anything is committed.
 */
async function* gzipOnly(source: AsyncIterable<Buffer>, notGzip: (head: Buffer) => Error): AsyncGenerator<Buffer> {
  let head: Buffer | undefined = Buffer.alloc(0);
  for await (const chunk of source) {
    if (!head) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < 2) continue;
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const first = head;
      head = undefined;
      yield first;
      continue;
    }
    if (head.length >= PEEK_BYTES) throw notGzip(head);
  }
  if (head) throw notGzip(head);
}

function notABackup(backup: WireBackup, head: Buffer, contentType: string | undefined): AppError {
  const text = head.subarray(0, PEEK_BYTES).toString('utf8');
  const readable = head.length > 0 && /^[\t\n\r\x20-\x7e\u00a0-\ufffc]*$/.test(text.replace(/\ufffd$/, ''));
  const what =
    head.length === 0
      ? 'an empty body'
      : !readable
        ? `data that is not a gzip archive (it starts with the bytes ${head.subarray(0, 2).toString('hex')})`
        : /^\s*</.test(text)
          ? 'an HTML page'
          : /^\s*[{[]/.test(text)
            ? 'a JSON document'
            : 'text';
  const said = readable ? readErrorBody(text) : {};
  const quote = said.text ? `: "${said.text.slice(0, 160).replace(/[.\s]+$/, '')}"${said.errorId ? ` [${said.errorId}]` : ''}` : '';
  const type = contentType ? ` (Content-Type ${contentType})` : '';
  return new AppError(
    'bad-response',
    `The appliance answered the download of ${describeBackup(backup)} with ${what}${type}${quote} instead of the backup archive (a backup file starts with the gzip signature 1f 8b); nothing was kept.`,
    "Check that the URL points at the appliance itself, not a proxy or a sign-in page in the way, and look at the appliance's logs; then download again.",
  );
}

/** Without a Content-Length, what arrived is kept: the listed size is not always the file's byte count. */
function unsizedNote(bytes: number, listed: number | undefined): string {
  const differs = listed !== undefined && listed !== bytes ? `; its list gives ${listed.toLocaleString('en-US')} bytes for this backup and ${bytes.toLocaleString('en-US')} arrived, which is not an error in itself (the listed size need not be the file's byte count)` : '';
  return `The appliance sent no length (Content-Length) to check the download against, so the file holds what arrived${differs}.`;
}

/**
 * GET /backups/items/{id}/file streamed into the sink's .part file, then committed. The token is made
 * fresh before the request starts; the appliance checks it only then, so one expiring during a long
 * download does not matter. No bytes for one endpoint timeout = stalled. The appliance publishes no
 * checksum: the file must start with the gzip signature, and its length must match the Content-Length
 * when there is one (without one, what arrived is kept and the outcome says so).
 */
export async function downloadInto(ctx: ProviderContext, timings: ApplianceTimings, backup: WireBackup, sink: DownloadSink, op: OperationContext): Promise<DownloadedFile> {
  if (backup.status !== 'completed') {
    throw new AppError('validation', `${describeBackup(backup)} is not ready to download (status ${backup.status ?? 'unknown'}); only a completed backup has a file.`, 'Wait until the appliance lists it as completed.');
  }
  const idleMs = ctx.endpoint.timeoutMs;
  const idle = startIdleWatch(idleMs);
  const signal = AbortSignal.any([op.signal, idle.signal]);
  const listed = typeof backup.size === 'number' && backup.size > 0 ? backup.size : undefined;
  let total = listed;
  let done = 0;
  let streaming = false;
  let body: Readable | undefined;
  const report = () => op.progress({ stage: `Downloading ${ofTotal(done, total)}`, bytesDone: done, ...(total ? { bytesTotal: total, fraction: Math.min(1, done / total) } : {}) });
  report();
  try {
    const res = await authed(ctx, { path: backupPath(backup.id, '/file'), headers: { accept: 'application/x-gzip, application/octet-stream, application/json' }, signal, timeoutMs: timings.transferTimeoutMs });
    if (res.status !== 200) throw await refusal(res, `send the file of backup ${backup.id}`);
    const declared = contentLength(res.headers['content-length']);
    total = declared ?? listed;
    const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : undefined;
    streaming = true;
    idle.touch();
    body = res.stream();
    const written = await sink.write(
      gzipOnly(body, (head) => notABackup(backup, head, contentType)),
      (bytes) => {
        idle.touch();
        done = bytes;
        report();
      },
      signal,
    );
    if (declared !== undefined && written.bytes !== declared) {
      throw new AppError('unreachable', `The download broke off after ${ofTotal(written.bytes, declared)}; nothing was kept.`, 'The backup stays on the appliance: download it again.');
    }
    await sink.commit();
    return declared === undefined ? { ...written, lengthNote: unsizedNote(written.bytes, listed) } : written;
  } catch (error) {
    // A sink that failed before reading (its .part could not be opened) must not leave the answer open.
    body?.destroy();
    await sink.discard();
    throw explainDownloadFailure(error, { idle: idle.stalled, idleMs, cancelled: op.signal.aborted, streaming, done, total });
  } finally {
    idle.clear();
  }
}

function explainDownloadFailure(error: unknown, s: { idle: boolean; idleMs: number; cancelled: boolean; streaming: boolean; done: number; total?: number }): unknown {
  const where = ofTotal(s.done, s.total);
  if (s.cancelled) return new AppError('cancelled', `Download cancelled after ${where}; the partial file was removed. The backup stays on the appliance.`);
  if (s.idle) return new AppError('timeout', `The download stalled: no data for ${secondsText(s.idleMs)} after ${where}; nothing was kept.`, 'Check the network path to the appliance, or raise the endpoint timeout, then download again.');
  if (s.streaming && error instanceof AppError && (error.code === 'unreachable' || error.code === 'timeout') && !/broke off/.test(error.message)) {
    return new AppError(error.code, `The download broke off after ${where}; nothing was kept (${error.message.replace(/[.\s]+$/, '')}).`, 'The backup stays on the appliance: download it again.');
  }
  return error;
}

export async function downloadBackup(ctx: ProviderContext, timings: ApplianceTimings, backupId: string, sink: DownloadSink, op: OperationContext) {
  op.setBackupId(backupId);
  op.progress({ stage: `Looking up backup ${backupId}` });
  const backup = await getWireBackup(ctx, backupId, { signal: op.signal });
  const written = await downloadInto(ctx, timings, backup, sink, op);
  return { state: 'succeeded' as const, outcome: savedText(backup, sink.destination, written), backupId };
}
