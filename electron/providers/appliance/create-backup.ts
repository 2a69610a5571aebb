import { AppError } from '../../../shared/errors';
import type { DownloadSink } from '../../core/files/download-sink';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { callJson } from './api';
import { npmBackup } from './device-url';
import { downloadInto } from './download';
import { followBackup } from './follow-backup';
import { describeBackup } from './normalise';
import { parseCreateOptions } from './options';
import { createdOutcome, savedText, unknownFollowOutcome } from './outcomes';
import { remoteRefFor } from './remote-ref';
import type { ApplianceTimings } from './timing';
import { backupSchema, type WireBackup } from './wire-schemas';

/** Follows a backup the appliance is making (a create now, or one re-attached after a restart) to its end. */
export async function followCreate(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext, backupId: string, startedAtMs: number, firstPollMs: number, download?: DownloadSink): Promise<OperationOutcome> {
  const end = await followBackup({ ctx, timings, op, backupId, what: 'create', startedAtMs, firstPollMs });
  if (end.kind === 'unknown') return { state: 'unknown', outcome: unknownFollowOutcome(end, backupId, startedAtMs, 'create'), backupId };
  const made = createdOutcome(end.backup);
  if (!download) return { state: 'succeeded', outcome: made, backupId };
  const written = await downloadInto(ctx, timings, end.backup, download, op).catch((error: unknown) => Promise.reject(savingFailed(error, end.backup)));
  return { state: 'succeeded', outcome: `${made} ${savedText(end.backup, download.destination, written.bytes, written.sha256Hex)}`, backupId };
}

/** Every failure after the appliance made the backup says so first: only saving it failed. */
function savingFailed(error: unknown, backup: WireBackup): AppError {
  const app = error instanceof AppError ? error : undefined;
  const reason = (app?.message ?? (error instanceof Error ? error.message : String(error))).replace(/[.\s]+$/, '');
  return new AppError(
    app?.code ?? 'local-file',
    `The appliance made ${describeBackup(backup)}, but saving it on this computer failed: ${reason}. The backup stays on the appliance: download it from the list.`,
    app?.hint,
  );
}

/**
 * POST /backups `{"description"}` → 200/201/202 with the new backup (status `started`), then polling
 * until `completed` or `failed` (first look after 5 s, then every 2 s, as the published scripts do).
 */
export async function createBackup(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext, raw?: RawOptions, download?: DownloadSink): Promise<OperationOutcome> {
  const options = parseCreateOptions(raw);
  op.progress({ stage: 'Asking the appliance to make a backup' });
  const startedAtMs = Date.now();
  const body = options.description === undefined ? {} : { description: options.description };
  const backup = await callJson(ctx, { method: 'POST', path: npmBackup('backups'), json: body, signal: op.signal }, backupSchema, 'create a backup', [200, 201, 202]);
  op.setBackupId(backup.id);
  op.setRemoteRef(remoteRefFor({ op: 'create', backupId: backup.id, startedAtMs }));
  op.progress({ stage: `The appliance is making ${describeBackup(backup)}: status ${backup.status ?? 'unknown'}. It reports no percentage.` });
  if (backup.status === 'completed' || backup.status === 'failed') return followCreate(ctx, timings, op, backup.id, startedAtMs, 0, download);
  return followCreate(ctx, timings, op, backup.id, startedAtMs, timings.createFirstPollMs, download);
}
