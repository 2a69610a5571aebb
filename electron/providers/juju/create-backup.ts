import { AppError } from '../../../shared/errors';
import type { DownloadSink } from '../../core/files/download-sink';
import { parseOptions } from '../parse-options';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { createTimeoutMs } from './access';
import { createdThisSession } from './controller-facts';
import { downloadArchive } from './download';
import { storedInDatabase } from './normalise';
import { createOptionsSchema, type CreateOptions } from './options';
import { createdOutcome, downloadedOutcome } from './outcomes';
import { SocketClosedError } from './rpc-connection';
import { openJuju, type JujuSession } from './session';
import { elapsedText, type JujuTiming } from './timing';
import { backupsMetadataSchema, type BackupMetadata } from './wire-schemas';
import { parseWire } from './wire-parse';

export const CREATE_REMOTE_REF = 'create';

/** BackupsCreateArgs as each facade version spells them (2.0's v1 takes only notes; v3 dropped keep-copy). */
export function createParams(version: number, options: CreateOptions, download: boolean): Record<string, unknown> {
  if (version === 1) return { notes: options.notes };
  if (version === 2) return { notes: options.notes, 'keep-copy': options.keep_copy, 'no-download': !download };
  return { notes: options.notes, 'no-download': !download };
}

/** Create blocks until the archive is written, with no progress: the stage shows the time spent so far. */
async function createWithElapsedStage(session: JujuSession, timing: JujuTiming, op: OperationContext, params: Record<string, unknown>): Promise<BackupMetadata> {
  const started = Date.now();
  const show = () => op.progress({ stage: `Creating the backup on the controller (Juju reports no progress) — ${elapsedText(started)}` });
  show();
  const ticker = setInterval(show, timing.elapsedTickMs);
  const timeoutMs = createTimeoutMs(session.access, timing);
  try {
    const raw = await session.backups('Create', params, 'create a backup', { timeoutMs, signal: op.signal });
    return parseWire(backupsMetadataSchema, raw, 'Backups.Create');
  } catch (error) {
    if (error instanceof AppError && error.code === 'timeout') {
      throw new AppError('timeout', `The controller did not finish the backup within ${elapsedText(started)}; it may still finish it.`, 'Raise "Create timeout (minutes)" in the endpoint settings for big controllers, and check `juju debug-log -m controller`.');
    }
    if (error instanceof SocketClosedError) {
      throw new AppError('unreachable', `The connection dropped after ${elapsedText(started)} while the controller was creating the backup, so Backup Console cannot tell whether it finished.`, 'Juju carries on without the connection: on 2.x a finished backup appears in the list; on 3.x its file stays in the controller\'s backup directory.');
    }
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
  let meta: BackupMetadata;
  try {
    const { backupsVersion, serverVersion } = session.facts;
    if (!backupsVersion) throw new AppError('unsupported', `This controller (Juju ${serverVersion}) offers no Backups facade this app speaks.`);
    if (backupsVersion === 2 && !options.keep_copy && !sink) {
      throw new AppError('validation', 'A backup that is neither kept on the controller nor downloaded would be lost.', 'Turn "keep a copy" on, or choose where to save the download.');
    }
    op.setRemoteRef(CREATE_REMOTE_REF);
    meta = await createWithElapsedStage(session, timing, op, createParams(backupsVersion, options, Boolean(sink)));
  } finally {
    session.close();
  }
  op.setBackupId(meta.id);
  const stored = storedInDatabase(meta);
  const created = createdThisSession(ctx.memo);
  if (!stored) created.set(meta.id, meta);
  ctx.log.info('Juju backup created', { backupId: meta.id, size: meta.size, stored });
  if (!sink) return { state: 'succeeded', outcome: createdOutcome(meta, stored ? 'stored' : 'pending'), backupId: meta.id };

  await downloadArchive({ ctx, access: session.access, modelUuid: session.facts.modelUuid, meta, sink, op, oneShot: !stored }).catch((error: unknown) => {
    // The backup itself exists; say so next to why the file was not kept.
    if (error instanceof AppError) throw new AppError(error.code, `Backup ${meta.id} was created, but saving it failed: ${error.message}`, error.hint);
    throw error;
  });
  if (!stored) created.delete(meta.id);
  return { state: 'succeeded', outcome: downloadedOutcome(meta, sink.destination, !stored), backupId: meta.id };
}
