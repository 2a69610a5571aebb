import { AppError } from '../../../shared/errors';
import type { DownloadSink, WrittenFile } from '../../core/files/download-sink';
import { startIdleWatch } from '../../core/http/idle-watch';
import type { OperationContext, ProviderContext } from '../provider';
import { authed, getWireBackup } from './api';
import { backupPath } from './device-url';
import { refusal } from './errors';
import { describeBackup } from './normalise';
import { ofTotal, savedText } from './outcomes';
import { secondsText, type ApplianceTimings } from './timing';
import type { WireBackup } from './wire-schemas';

function contentLength(value: string | string[] | undefined): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(n) && n >= 0 && value !== undefined ? n : undefined;
}

/**
 * GET /backups/items/{id}/file streamed into the sink's .part file, then committed. The token is made
 * fresh before the request starts; the appliance checks it only then, so one expiring during a long
 * download does not matter. No bytes for one endpoint timeout = stalled. The appliance publishes no
 * checksum: the file is checked for length (Content-Length, else the listed size) only.
 */
export async function downloadInto(ctx: ProviderContext, timings: ApplianceTimings, backup: WireBackup, sink: DownloadSink, op: OperationContext): Promise<WrittenFile> {
  if (backup.status !== 'completed') {
    throw new AppError('validation', `${describeBackup(backup)} is not ready to download (status ${backup.status ?? 'unknown'}); only a completed backup has a file.`, 'Wait until the appliance lists it as completed.');
  }
  const idleMs = ctx.endpoint.timeoutMs;
  const idle = startIdleWatch(idleMs);
  const signal = AbortSignal.any([op.signal, idle.signal]);
  let total = typeof backup.size === 'number' && backup.size > 0 ? backup.size : undefined;
  let done = 0;
  let streaming = false;
  const report = () => op.progress({ stage: `Downloading ${ofTotal(done, total)}`, bytesDone: done, ...(total ? { bytesTotal: total, fraction: Math.min(1, done / total) } : {}) });
  report();
  try {
    const res = await authed(ctx, { path: backupPath(backup.id, '/file'), headers: { accept: 'application/x-gzip, application/octet-stream, application/json' }, signal, timeoutMs: timings.transferTimeoutMs });
    if (res.status !== 200) throw await refusal(res, `send the file of backup ${backup.id}`);
    total = contentLength(res.headers['content-length']) ?? total;
    streaming = true;
    idle.touch();
    const written = await sink.write(
      res.stream(),
      (bytes) => {
        idle.touch();
        done = bytes;
        report();
      },
      signal,
    );
    if (total !== undefined && written.bytes !== total) {
      throw new AppError('unreachable', `The download broke off after ${ofTotal(written.bytes, total)}; nothing was kept.`, 'The backup stays on the appliance: download it again.');
    }
    await sink.commit();
    return written;
  } catch (error) {
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
  return { state: 'succeeded' as const, outcome: savedText(backup, sink.destination, written.bytes, written.sha256Hex), backupId };
}
