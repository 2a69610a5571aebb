import { AppError } from '../../../shared/errors';
import type { DownloadSink } from '../../core/files/download-sink';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { callJson, listWireBackups } from './api';
import { cancelledByOperator, mayHaveActed } from './connection-failures';
import { npmBackup } from './device-url';
import { downloadInto, type DownloadedFile } from './download';
import { followBackup } from './follow-backup';
import { describeBackup } from './normalise';
import { parseCreateOptions } from './options';
import { createdOutcome, ofTotal, savedText, unknownFollowOutcome } from './outcomes';
import { remoteRefFor } from './remote-ref';
import type { ApplianceTimings } from './timing';
import { backupSchema, type WireBackup } from './wire-schemas';

const slotNote = 'it counts toward the two-backup limit';

/** The operator cancelled while the appliance makes the backup: it goes on, and will list it; nothing is saved here. */
function cancelledWhileMaking(backupId: string, status: string | undefined, download: DownloadSink | undefined): string {
  const seen = status ? ` (last status: ${status})` : '';
  const file = download ? ' and saved no file' : '';
  return (
    `Cancelled: Backup Console stopped following backup ${backupId}${seen}${file}. The appliance has no cancel and goes on making the backup on its own; ` +
    `it lists it (${slotNote}): once it is completed, download it from the list, or delete it if you do not want it.`
  );
}

/** Follows a backup the appliance is making (a create now, or one re-attached after a restart) to its end. */
export async function followCreate(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext, backupId: string, startedAtMs: number, firstPollMs: number, download?: DownloadSink): Promise<OperationOutcome> {
  const end = await followBackup({ ctx, timings, op, backupId, what: 'create', startedAtMs, firstPollMs });
  if (end.kind === 'unknown') {
    if (end.why === 'stopped' && cancelledByOperator(op.signal)) return { state: 'cancelled', outcome: cancelledWhileMaking(backupId, end.status, download), backupId };
    const noFile = download ? ' No file was saved on this computer.' : '';
    return { state: 'unknown', outcome: `${unknownFollowOutcome(end, backupId, startedAtMs, 'create')}${noFile}`, backupId };
  }
  const made = createdOutcome(end.backup);
  if (!download) return { state: 'succeeded', outcome: made, backupId };
  let saved = 0;
  const tracked: OperationContext = {
    ...op,
    progress: (update) => {
      if (update.bytesDone !== undefined) saved = update.bytesDone;
      op.progress(update);
    },
  };
  let written: DownloadedFile;
  try {
    written = await downloadInto(ctx, timings, end.backup, download, tracked);
  } catch (error) {
    if (!op.signal.aborted) throw savingFailed(error, end.backup);
    const size = typeof end.backup.size === 'number' && end.backup.size > 0 ? end.backup.size : undefined;
    const who = cancelledByOperator(op.signal) ? 'Cancelled' : 'Backup Console stopped';
    return {
      state: 'cancelled',
      outcome: `${made} ${who} the download after ${ofTotal(saved, size)}; no file was kept. The backup stays listed on the appliance (${slotNote}): download it from the list, or delete it.`,
      backupId,
    };
  }
  return { state: 'succeeded', outcome: `${made} ${savedText(end.backup, download.destination, written)}`, backupId };
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

type NewBackups = { kind: 'listed'; added: WireBackup[] } | { kind: 'unchecked'; why: string };

/**
 * After a create request that got no answer: the backups the appliance lists now and did not before.
 * Uploads under way are not a create's doing; with a description, the backups carrying it come first.
 */
async function backupsAdded(ctx: ProviderContext, before: Set<string>, description: string | undefined): Promise<NewBackups> {
  let items: WireBackup[];
  try {
    items = await listWireBackups(ctx, { timeoutMs: Math.min(ctx.endpoint.timeoutMs, 15_000) });
  } catch (error) {
    return { kind: 'unchecked', why: error instanceof Error ? error.message.replace(/[.\s]+$/, '') : String(error) };
  }
  const added = items.filter((b) => !before.has(b.id) && b.status !== 'uploading');
  const named = description === undefined ? [] : added.filter((b) => (b.description ?? '').trim() === description.trim());
  return { kind: 'listed', added: named.length ? named : added };
}

const listed = (backups: WireBackup[]) => backups.map((b) => `${describeBackup(b)} (status ${b.status ?? 'unknown'})`).join(', ');

/** The create request was cancelled before an answer: what the appliance lists now says whether it started one. */
async function cancelledBeforeAnswer(ctx: ProviderContext, before: Set<string>, description: string | undefined, download: DownloadSink | undefined): Promise<OperationOutcome> {
  const file = download ? ' No file was saved.' : '';
  const check = await backupsAdded(ctx, before, description);
  if (check.kind === 'unchecked') {
    return { state: 'cancelled', outcome: `Cancelled while the appliance was being asked to make a backup. Backup Console could not check whether it started one anyway (${check.why}): look at its backup list, as a backup it started goes on and ${slotNote}.${file}` };
  }
  if (!check.added.length) return { state: 'cancelled', outcome: `Cancelled before the appliance started a backup: it lists no new one.${file}` };
  const one = check.added.length === 1 ? check.added[0] : undefined;
  return {
    state: 'cancelled',
    outcome: `Cancelled, but the appliance had already started ${listed(check.added)}; it has no cancel, goes on making it and lists it (${slotNote}): delete it if you do not want it.${file}`,
    ...(one ? { backupId: one.id } : {}),
  };
}

/**
 * POST /backups `{"description"}` → 200/201/202 with the new backup (status `started`), then polling
 * until `completed` or `failed` (first look after 5 s, then every 2 s, as the published scripts do).
 * The list is read first: a create whose answer never came (a timeout, a connection reset after it was
 * sent) may still have started a backup, which then shows up as a new item and is followed.
 */
export async function createBackup(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext, raw?: RawOptions, download?: DownloadSink): Promise<OperationOutcome> {
  const options = parseCreateOptions(raw);
  op.progress({ stage: "Checking the appliance's backups before asking for a new one" });
  let before: Set<string>;
  try {
    before = new Set((await listWireBackups(ctx, { signal: op.signal })).map((b) => b.id));
  } catch (error) {
    if (op.signal.aborted) return { state: 'cancelled', outcome: 'Cancelled before the appliance was asked to make a backup; nothing was started or saved.' };
    throw error;
  }
  op.progress({ stage: 'Asking the appliance to make a backup' });
  const startedAtMs = Date.now();
  const body = options.description === undefined ? {} : { description: options.description };
  let backup: WireBackup;
  try {
    backup = await callJson(ctx, { method: 'POST', path: npmBackup('backups'), json: body, signal: op.signal }, backupSchema, 'create a backup', [200, 201, 202]);
  } catch (error) {
    if (op.signal.aborted) return cancelledBeforeAnswer(ctx, before, options.description, download);
    if (!mayHaveActed(error)) throw error;
    backup = await adoptUnanswered(ctx, error as AppError, before, options.description);
    op.progress({ stage: `The create request got no answer, but the appliance now lists ${describeBackup(backup)} (status ${backup.status ?? 'unknown'}): following it` });
  }
  op.setBackupId(backup.id);
  op.setRemoteRef(remoteRefFor({ op: 'create', backupId: backup.id, startedAtMs }));
  op.progress({ stage: `The appliance is making ${describeBackup(backup)}: status ${backup.status ?? 'unknown'}. It reports no percentage.` });
  if (backup.status === 'completed' || backup.status === 'failed') return followCreate(ctx, timings, op, backup.id, startedAtMs, 0, download);
  return followCreate(ctx, timings, op, backup.id, startedAtMs, timings.createFirstPollMs, download);
}

/** The create got no answer: the one new backup the appliance lists is this create's; none, or several, end the job with what was seen. */
async function adoptUnanswered(ctx: ProviderContext, error: AppError, before: Set<string>, description: string | undefined): Promise<WireBackup> {
  const unanswered = `The appliance did not answer the request to make a backup (${error.message.replace(/[.\s]+$/, '')})`;
  ctx.log.warn('The create request got no answer; checking whether the appliance started a backup anyway', { error: error.message });
  const check = await backupsAdded(ctx, before, description);
  if (check.kind === 'unchecked') {
    throw new AppError(error.code, `${unanswered}, and Backup Console could not check whether it started one anyway (${check.why}).`, `Look at the appliance's backup list before trying again: a backup it started goes on, and ${slotNote}.`);
  }
  if (check.added.length === 1) {
    ctx.log.info('The appliance started a backup although the create request got no answer', { backupId: check.added[0]!.id });
    return check.added[0]!;
  }
  if (!check.added.length) throw new AppError(error.code, `${unanswered}, and it lists no new backup: it did not start one.`, 'Check the network path to the appliance, then try again.');
  throw new AppError('conflict', `${unanswered}; it now lists ${listed(check.added)}, which were not there before, so Backup Console cannot tell which one is this request's.`, `Look at the appliance's backup list: each backup ${slotNote}.`);
}
