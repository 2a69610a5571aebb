import { AppError } from '../../../shared/errors';
import type { DownloadSink } from '../../core/files/download-sink';
import { parseOptions } from '../parse-options';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { elapsedTextKeepingZeros } from '../text';
import { createTimeoutMs } from './access';
import { createdThisSession } from './controller-facts';
import { settleLostCreate } from './create-evidence';
import { downloadArchive } from './download';
import { storedInDatabase } from './normalise';
import { createOptionsSchema, type CreateOptions } from './options';
import { createdOutcome, downloadedOutcome } from './outcomes';
import { SocketClosedError } from './rpc-connection';
import { savingFailed } from './save-after-create';
import { openJuju, type JujuSession } from './session';
import type { JujuTiming } from './timing';
import { backupsMetadataSchema, type BackupMetadata } from './wire-schemas';
import { parseWire } from './wire-parse';

export const CREATE_REMOTE_REF = 'create';

/**
 * BackupsCreateArgs as each facade version spells them (2.0's v1 takes only notes; v3 dropped keep-copy).
 * `no-download: false` makes 2.x leave the archive in backup-dir until it is downloaded by filename, so it
 * is sent only when the download follows.
 */
export function createParams(version: number, options: CreateOptions, download: boolean): Record<string, unknown> {
  if (version === 1) return { notes: options.notes };
  if (version === 2) return { notes: options.notes, 'keep-copy': options.keep_copy, 'no-download': !download };
  return { notes: options.notes, 'no-download': !download };
}

/** Create's answer, or why contact was lost (a dropped socket, our timeout), with when it was sent. */
type CreateAnswer = { meta: BackupMetadata } | { lost: string; calledAt: number };

/** Create blocks until the archive is written, with no progress: the stage shows the time spent so far. */
async function createWithElapsedStage(session: JujuSession, timing: JujuTiming, op: OperationContext, params: Record<string, unknown>): Promise<CreateAnswer> {
  const calledAt = Date.now();
  const show = () => op.progress({ stage: `Creating the backup on the controller (Juju reports no progress) — ${elapsedTextKeepingZeros(calledAt)}` });
  show();
  const ticker = setInterval(show, timing.elapsedTickMs);
  const timeoutMs = createTimeoutMs(session.access, timing);
  try {
    const raw = await session.backups('Create', params, 'create a backup', { timeoutMs, signal: op.signal });
    return { meta: parseWire(backupsMetadataSchema, raw, 'Backups.Create') };
  } catch (error) {
    if (error instanceof AppError && error.code === 'timeout') {
      return { lost: `The controller did not finish the backup within ${elapsedTextKeepingZeros(calledAt)} (raise "Create timeout (minutes)" for big controllers)`, calledAt };
    }
    if (error instanceof SocketClosedError) return { lost: `The connection dropped after ${elapsedTextKeepingZeros(calledAt)} while the controller was creating the backup (${error.message.replace(/[.\s]+$/, '')})`, calledAt };
    throw error;
  } finally {
    clearInterval(ticker);
  }
}

/** Backups.Create, then (when the operator asked) the download into `sink`, verified against the checksum. */
export async function createBackup(timing: JujuTiming, ctx: ProviderContext, op: OperationContext, raw: RawOptions | undefined, sink?: DownloadSink): Promise<OperationOutcome> {
  const options = parseOptions(createOptionsSchema, raw, 'Backup options');
  op.progress({ stage: 'Signing in to the controller' });
  const session = await openJuju(ctx, timing);
  let answer: CreateAnswer;
  const { backupsVersion, serverVersion } = session.facts;
  try {
    if (!backupsVersion) throw new AppError('unsupported', `This controller (Juju ${serverVersion}) offers no Backups facade this app speaks.`);
    if (backupsVersion === 2 && !options.keep_copy && !sink) {
      throw new AppError('validation', 'A backup that is neither kept on the controller nor downloaded would be lost.', 'Turn "keep a copy" on, or choose where to save the download.');
    }
    op.setRemoteRef(CREATE_REMOTE_REF);
    answer = await createWithElapsedStage(session, timing, op, createParams(backupsVersion, options, Boolean(sink)));
  } finally {
    session.close();
  }
  if ('lost' in answer) {
    return settleLostCreate(timing, ctx, { calledAt: answer.calledAt, notes: options.notes, reason: answer.lost, backupsVersion, serverVersion, wantedDownload: Boolean(sink) });
  }
  const { meta } = answer;
  op.setBackupId(meta.id);
  const stored = storedInDatabase(meta);
  const created = createdThisSession(ctx.memo);
  if (!stored) created.set(meta.id, meta);
  ctx.log.info('Juju backup created', { backupId: meta.id, size: meta.size, stored });
  if (!sink) return { state: 'succeeded', outcome: createdOutcome(meta, stored ? 'stored' : 'pending', serverVersion), backupId: meta.id };

  let streamedCompletely = false;
  try {
    await downloadArchive({
      ctx,
      access: session.access,
      modelUuid: session.facts.modelUuid,
      meta,
      sink,
      op,
      oneShot: !stored,
      // 2.x asked with no-download false left the archive in backup-dir: fetching it by filename removes it there.
      fileFromThisCreate: backupsVersion === 2,
      onStreamed: () => (streamedCompletely = true),
    });
  } catch (error) {
    if (!stored && streamedCompletely) created.delete(meta.id);
    throw savingFailed(error, { meta, oneShot: !stored, streamedCompletely });
  }
  if (!stored) created.delete(meta.id);
  return { state: 'succeeded', outcome: downloadedOutcome(meta, sink.destination, !stored), backupId: meta.id };
}
