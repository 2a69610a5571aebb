import { AppError } from '../../../shared/errors';
import type { OperationContext, ProviderContext } from '../provider';
import { elapsedText } from '../text';
import { findWireBackup } from './api';
import { isTransient } from './errors';
import { describeBackup } from './normalise';
import { pause, type ApplianceTimings } from './timing';
import type { WireBackup } from './wire-schemas';

export interface FollowBackup {
  ctx: ProviderContext;
  timings: ApplianceTimings;
  op: OperationContext;
  backupId: string;
  /** A backup being made, or an uploaded file the appliance is checking. */
  what: 'create' | 'upload';
  /** When the operation began (this computer's clock): the follow limit counts from here. */
  startedAtMs: number;
  /** The first look waits this long (the scripts wait 5 s after a create). */
  firstPollMs: number;
}

export type FollowEnd = { kind: 'completed'; backup: WireBackup } | { kind: 'unknown'; why: 'limit' | 'outage' | 'stopped'; status?: string; last?: string };

/**
 * Polls GET /backups/items/{id} until `completed` (returned) or `failed` (an AppError quoting the
 * appliance's status_message). The appliance gives no percentage. Brief outages are ridden out; a long
 * one, the follow limit, or the app stopping end it as 'unknown' (the appliance goes on regardless).
 */
export async function followBackup(f: FollowBackup): Promise<FollowEnd> {
  const { ctx, timings, op, backupId } = f;
  const deadline = f.startedAtMs + timings.createLimitMs;
  let outageSince: number | undefined;
  let lastStatus: string | undefined;
  let lastProblem: string | undefined;
  await pause(f.firstPollMs, op.signal);
  for (;;) {
    if (op.signal.aborted) return { kind: 'unknown', why: 'stopped', status: lastStatus };
    if (Date.now() >= deadline) return { kind: 'unknown', why: 'limit', status: lastStatus, last: lastProblem };
    let backup: WireBackup | undefined;
    try {
      backup = await findWireBackup(ctx, backupId, { signal: op.signal });
      outageSince = undefined;
    } catch (error) {
      if (op.signal.aborted) continue;
      if (!isTransient(error)) throw error;
      lastProblem = (error as AppError).message;
      outageSince ??= Date.now();
      if (Date.now() - outageSince >= timings.outageToleranceMs) return { kind: 'unknown', why: 'outage', status: lastStatus, last: lastProblem };
      op.progress({ stage: `The appliance is not answering (${lastProblem.replace(/[.\s]+$/, '')}); still trying` });
      await pause(timings.createPollMs, op.signal);
      continue;
    }
    if (!backup) {
      const doing = f.what === 'upload' ? 'checking the uploaded file' : 'making it';
      throw new AppError('not-found', `Backup ${backupId} disappeared while the appliance was ${doing}: it is no longer listed.`, 'Refresh the backups; someone may have deleted it. Start again if you still need it.');
    }
    lastStatus = backup.status ?? undefined;
    if (backup.status === 'completed') return { kind: 'completed', backup };
    if (backup.status === 'failed') throw failedError(backup, f.what);
    const subject = f.what === 'upload' ? `The appliance is checking the uploaded file (backup ${backupId})` : `The appliance is making ${describeBackup(backup)}`;
    op.progress({ stage: `${subject}: status ${backup.status ?? 'unknown'}, ${elapsedText(f.startedAtMs)}. It reports no percentage.` });
    await pause(timings.createPollMs, op.signal);
  }
}

function failedError(backup: WireBackup, what: 'create' | 'upload'): AppError {
  const said = backup.status_message?.trim();
  const quote = said ? `: "${said.replace(/[.\s]+$/, '')}"` : ' (it gave no reason)';
  const subject = what === 'upload' ? `the uploaded file (backup ${backup.id})` : describeBackup(backup);
  return new AppError(
    'server-error',
    `The appliance reports that ${subject} failed${quote}.`,
    "A failed backup may still be listed and count toward the appliance's two-backup limit: delete it, check the appliance's console, then try again.",
  );
}
