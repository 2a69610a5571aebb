import { AppError } from '../../../shared/errors';
import type { DownloadSink, WrittenFile } from '../../core/files/download-sink';
import { startIdleWatch } from '../../core/http/idle-watch';
import { parseJsonAs } from '../parse-json';
import type { OperationContext, ProviderContext } from '../provider';
import { decimalBytesText } from '../text';
import type { JujuAccess } from './access';
import { storedInDatabase } from './normalise';
import { explainJujuError } from './rpc-errors';
import { userTag } from './settings';
import { wireErrorSchema, type BackupMetadata } from './wire-schemas';

/**
 * What GET /backups takes as `id`: the archive's absolute path on the controller (3.x; 2.x when the
 * archive is not stored; and right after a 2.x Create that asked for a download, as the 2.9 CLI does:
 * its file in backup-dir is deleted by that download instead of staying behind), else the stored id.
 */
export function downloadIdFor(meta: BackupMetadata, fileFromThisCreate = false): string {
  if (!meta.filename) return meta.id;
  return fileFromThisCreate || !storedInDatabase(meta) ? meta.filename : meta.id;
}

function basicAuth(access: JujuAccess): string {
  return `Basic ${Buffer.from(`${userTag(access.username)}:${access.password}`).toString('base64')}`;
}

/** The HTTPS handler answers errors with the params.Error itself as JSON. */
async function refusal(res: { status: number; text(): Promise<string> }, access: JujuAccess, modelUuid: string): Promise<AppError> {
  const body = await res.text().catch(() => '');
  const wire = parseJsonAs(wireErrorSchema, body);
  if (wire) return explainJujuError(wire, { username: access.username, doing: 'send the backup file', modelUuid });
  return new AppError('server-error', `The controller answered the download with HTTP ${res.status}${body ? `: ${body.slice(0, 200).trim()}` : ''}.`);
}

export interface DownloadInput {
  ctx: ProviderContext;
  access: JujuAccess;
  modelUuid: string;
  meta: BackupMetadata;
  sink: DownloadSink;
  op: OperationContext;
  /** The controller deletes the archive after this download (3.x): said in the errors, since there is no second try. */
  oneShot: boolean;
  /** Download the file the Create just left in backup-dir (by filename), not the stored copy (by id). */
  fileFromThisCreate?: boolean;
  /** Called once the controller has sent the whole archive (it then deletes a one-shot file), before it is verified and saved. */
  onStreamed?: () => void;
}

/**
 * Streams the archive into the sink's `.part` file, checks its SHA-1 against the metadata's
 * `checksum`, and only then gives the file its name. A stall of one endpoint timeout ends it.
 */
export async function downloadArchive(input: DownloadInput): Promise<WrittenFile> {
  const { ctx, access, modelUuid, meta, sink, op } = input;
  const total = meta.size;
  const idleMs = ctx.endpoint.timeoutMs;
  const idle = startIdleWatch(idleMs);
  const touch = () => idle.touch();
  const signal = AbortSignal.any([op.signal, idle.signal]);
  const gone = input.oneShot ? ' The controller may already have deleted its copy: create a new backup.' : '';
  const stage = (done: number) => `Downloading: ${decimalBytesText(done)}${total ? ` of ${decimalBytesText(total)}` : ''}`;
  op.progress({ stage: stage(0), bytesDone: 0, ...(total ? { bytesTotal: total, fraction: 0 } : {}) });
  try {
    const res = await ctx.http.request({
      method: 'GET',
      path: `model/${modelUuid}/backups`,
      // A GET with a JSON body: Juju's handler refuses any other content type.
      json: { id: downloadIdFor(meta, input.fileFromThisCreate) },
      headers: { authorization: basicAuth(access), accept: 'application/octet-stream, application/json' },
      signal,
      timeoutMs: 7 * 24 * 3_600_000,
    });
    if (res.status !== 200) throw await refusal(res, access, modelUuid);
    touch();
    const written = await sink.write(
      res.stream(),
      (done) => {
        touch();
        op.progress({ stage: stage(done), bytesDone: done, ...(total ? { bytesTotal: total, fraction: Math.min(1, done / total) } : {}) });
      },
      signal,
      { sha1: true },
    );
    if (total === undefined || written.bytes === total) input.onStreamed?.();
    if (total !== undefined && written.bytes !== total) {
      throw new AppError('server-error', `The download ended after ${decimalBytesText(written.bytes)} of ${decimalBytesText(total)}; nothing was kept.${gone}`);
    }
    if (!meta.checksum || (meta['checksum-format'] && !/sha-?1/i.test(meta['checksum-format']))) {
      throw new AppError('bad-response', `The controller published no SHA-1 checksum for backup ${meta.id} (format: ${meta['checksum-format'] ?? 'none'}), so the file cannot be verified; nothing was kept.`);
    }
    if (written.sha1Base64 !== meta.checksum) {
      throw new AppError('server-error', `The file did not match the checksum the controller published; nothing was kept.${gone}`, `Expected SHA-1 ${meta.checksum}, got ${written.sha1Base64}. Download again (Juju 2.x), or create a new backup.`);
    }
    await sink.commit();
    return written;
  } catch (error) {
    await sink.discard();
    if (idle.stalled && !op.signal.aborted) throw new AppError('timeout', `The download stalled for ${Math.round(idleMs / 1000)} s; nothing was kept.${gone}`, 'Check the network path to the controller, or raise the endpoint timeout.');
    if (error instanceof AppError && error.code === 'unreachable') throw new AppError('unreachable', `The download broke off; nothing was kept.${gone} (${error.message})`, error.hint);
    throw error;
  } finally {
    idle.clear();
  }
}
