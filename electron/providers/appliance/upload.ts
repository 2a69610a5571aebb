import { Transform, type Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { parseWire } from '../../core/http/http-client';
import { startIdleWatch } from '../../core/http/idle-watch';
import type { OperationContext, OperationOutcome, ProviderContext, UploadSource } from '../provider';
import { bytesText, secondsText } from '../text';
import { authed, listWireBackups } from './api';
import { npmBackup } from './device-url';
import { refusal } from './errors';
import { followBackup } from './follow-backup';
import { describeBackup } from './normalise';
import { ofTotal, unknownFollowOutcome } from './outcomes';
import { dropSession, validSession } from './session';
import type { ApplianceTimings } from './timing';
import { backupSchema, type WireBackup } from './wire-schemas';

/** Counts bytes as the HTTP client reads them; `onEnd` fires once the last one went out. */
function counter(onBytes: (total: number) => void, onEnd: () => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      onBytes(total);
      callback(null, chunk);
    },
    flush(callback) {
      onEnd();
      callback();
    },
  });
}

/** After a transfer that did not end in an answer: did the appliance keep something? Checked, never guessed. */
async function leftovers(ctx: ProviderContext, before: Set<string>): Promise<string> {
  let items: WireBackup[];
  try {
    items = await listWireBackups(ctx, { timeoutMs: Math.min(ctx.endpoint.timeoutMs, 15_000) });
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/[.\s]+$/, '') : String(error);
    return `Backup Console could not check whether the appliance kept a partial backup (${why}): look at its backup list, and delete any upload that is not completed.`;
  }
  const added = items.filter((b) => !before.has(b.id));
  if (!added.length) return 'The appliance kept nothing.';
  const listed = added.map((b) => `${describeBackup(b)} (status ${b.status ?? 'unknown'})`).join(', ');
  return `The appliance now lists ${listed}, which was not there before: delete it if it is not completed, as it counts toward the two-backup limit.`;
}

interface Transfer {
  sent: number;
  sourceError?: unknown;
}

/**
 * POST /backups/upload with the file as `application/octet-stream` (never JSON, never held whole),
 * after making sure the token has minutes left: a streamed body is never sent twice, so a 401 here is
 * final. Then the new backup (status `uploading`) is followed until `completed` or `failed`.
 */
export async function uploadBackup(ctx: ProviderContext, timings: ApplianceTimings, source: UploadSource, op: OperationContext): Promise<OperationOutcome> {
  const total = source.sizeBytes;
  op.progress({ stage: "Checking the appliance's backups before the upload" });
  const before = new Set((await listWireBackups(ctx, { signal: op.signal })).map((b) => b.id));
  await validSession(ctx, { minLeftMs: timings.uploadTokenMarginMs, signal: op.signal });
  const idleMs = ctx.endpoint.timeoutMs;
  const idle = startIdleWatch(idleMs);
  const answer = new AbortController();
  let answerTimer: NodeJS.Timeout | undefined;
  const t: Transfer = { sent: 0 };
  const report = () => op.progress({ stage: `Uploading ${ofTotal(t.sent, total)}`, bytesDone: t.sent, bytesTotal: total, fraction: total > 0 ? Math.min(1, t.sent / total) : undefined });
  const input: Readable = source.open();
  input.once('error', (error) => (t.sourceError ??= error));
  const body = counter(
    (bytes) => {
      idle.touch();
      t.sent = bytes;
      report();
    },
    () => {
      // The whole file went out: now the appliance may take its time to answer.
      idle.clear();
      op.progress({ stage: `Sent ${bytesText(t.sent)}; waiting for the appliance to accept the file` });
      answerTimer = setTimeout(() => answer.abort(), timings.uploadAnswerMs);
    },
  );
  input.once('error', (error) => body.destroy(error));
  // Until the request takes the body (after sign-in), its error has no other listener; the request then rejects with it.
  body.on('error', () => undefined);
  input.pipe(body);
  report();
  const signal = AbortSignal.any([op.signal, idle.signal, answer.signal]);
  let accepted: WireBackup;
  try {
    const res = await authed(ctx, {
      method: 'POST',
      path: npmBackup('backups/upload'),
      body: { stream: body, contentType: 'application/octet-stream', length: total },
      signal,
      timeoutMs: timings.transferTimeoutMs,
    });
    if (res.status === 401) {
      await res.discard();
      dropSession(ctx);
      throw new AppError('unauthorized', `The appliance refused the session token for the upload of ${source.name}; a streamed file is never sent twice, so nothing was uploaded.`, 'Upload again: Backup Console signs in afresh. If it happens again, check the user and password in the endpoint settings.');
    }
    if (res.status !== 200 && res.status !== 201 && res.status !== 202) {
      const refused = await refusal(res, `accept ${source.name}`);
      if (res.status < 500) throw refused;
      throw new AppError(refused.code, `${refused.message} ${await leftovers(ctx, before)}`, refused.hint);
    }
    accepted = parseWire(backupSchema, await res.json(), res.url);
  } catch (error) {
    if (op.signal.aborted) return { state: 'cancelled', outcome: `Cancelled the upload of ${source.name} after ${ofTotal(t.sent, total)}. ${await leftovers(ctx, before)}` };
    // An answer (a refusal) is final as it is; a broken transfer is checked against the backup list.
    if (t.sourceError === undefined && error instanceof AppError && error.code !== 'unreachable' && error.code !== 'timeout' && error.code !== 'cancelled') throw error;
    throw await transferFailed(ctx, error, t, { source, total, before, stalled: idle.stalled, idleMs, unanswered: answer.signal.aborted, answerMs: timings.uploadAnswerMs });
  } finally {
    idle.clear();
    clearTimeout(answerTimer);
    input.destroy();
  }
  return followUpload(ctx, timings, op, source, accepted);
}

interface FailureContext {
  source: UploadSource;
  total: number;
  before: Set<string>;
  stalled: boolean;
  idleMs: number;
  unanswered: boolean;
  answerMs: number;
}

async function transferFailed(ctx: ProviderContext, error: unknown, t: Transfer, f: FailureContext): Promise<AppError> {
  const check = await leftovers(ctx, f.before);
  const where = ofTotal(t.sent, f.total);
  if (t.sourceError !== undefined) {
    const local = t.sourceError instanceof AppError ? t.sourceError : new AppError('local-file', `Reading ${f.source.name} failed (${t.sourceError instanceof Error ? t.sourceError.message : String(t.sourceError)}).`, 'Check that the file is still there and readable, then upload again.');
    return new AppError(local.code, `${local.message.replace(/[.\s]+$/, '')}; the upload stopped after ${where}. ${check}`, local.hint);
  }
  if (f.stalled) return new AppError('timeout', `The upload stalled: no data moved for ${secondsText(f.idleMs)} after ${where}. ${check}`, 'Check the network path to the appliance, or raise the endpoint timeout, then upload again.');
  if (f.unanswered) return new AppError('timeout', `The appliance received all ${bytesText(t.sent)} but did not answer within ${Math.round(f.answerMs / 60_000)} min. ${check}`, "Look at the appliance's backup list: it may still be checking the file.");
  const why = error instanceof Error ? ` (${error.message.replace(/[.\s]+$/, '')})` : '';
  return new AppError('unreachable', `The upload of ${f.source.name} broke off after ${where}${why}. ${check}`, 'Check the network path to the appliance, then upload again.');
}

async function followUpload(ctx: ProviderContext, timings: ApplianceTimings, op: OperationContext, source: UploadSource, accepted: WireBackup): Promise<OperationOutcome> {
  op.setBackupId(accepted.id);
  const startedAtMs = Date.now();
  const end = await followBackup({ ctx, timings, op, backupId: accepted.id, what: 'upload', startedAtMs, firstPollMs: accepted.status === 'completed' ? 0 : timings.createPollMs });
  if (end.kind === 'unknown') {
    if (op.signal.aborted) {
      return { state: 'cancelled', outcome: `The whole file had already reached the appliance, which keeps it as backup ${accepted.id} (status ${end.status ?? accepted.status ?? 'unknown'}): delete it if you do not want it.`, backupId: accepted.id };
    }
    return { state: 'unknown', outcome: unknownFollowOutcome(end, accepted.id, startedAtMs, 'upload'), backupId: accepted.id };
  }
  const b = end.backup;
  const origin = [b.hostname && `made on ${b.hostname}`, b.sw_version && `software ${b.sw_version}`].filter(Boolean).join(', ');
  return { state: 'succeeded', outcome: `Uploaded ${source.name} (${bytesText(source.sizeBytes)}); the appliance lists it as ${describeBackup(b)}${origin ? ` (${origin})` : ''}, completed.`, backupId: b.id };
}
