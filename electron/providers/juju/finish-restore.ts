import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { elapsedTextKeepingZeros } from '../text';
import { jujuAccess, restoreTimeoutMs } from './access';
import { restoredOutcome } from './outcomes';
import { openJuju } from './session';
import { pause, type JujuTiming } from './timing';

/**
 * Juju 2.x refuses every call while a restore runs (apiserver restrict_restore.go:
 * "juju restore is in progress - API is disabled to prevent data loss"), and all but a few
 * while one is pending: plain errors without a code, so they are matched by their text.
 */
export const restoreInProgressText = /juju restore is in progress/i;

/** While the API server restarts, these are what a reconnect meets; anything else is a real answer. */
function worthRetrying(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  return ['unreachable', 'timeout', 'conflict', 'tls'].includes(error.code) || restoreInProgressText.test(error.message);
}

const checkHint = 'Check the controller machine (`juju ssh -m controller 0`, then the jujud-machine-0 service) and `juju status -m controller`.';

/** A restore puts back the users of the backup's time, passwords included: the login refused after it is evidence, not failure. */
function passwordFromBackupTime(backupId: string, username: string): OperationOutcome {
  return {
    state: 'unknown',
    backupId,
    outcome:
      `The restore of backup ${backupId} most likely applied: the restarted controller refuses the password Backup Console has for ${username}, ` +
      `and a restore brings back the passwords from the time the backup was made. Backup Console could not call FinishRestore to confirm it. ` +
      `Enter ${username}'s password from the backup's time in the endpoint settings, then check with \`juju status -m controller\`.`,
  };
}

function gaveUp(backupId: string, started: number, lastError: unknown): OperationOutcome {
  const why = lastError instanceof Error ? ` (last attempt: ${lastError.message.replace(/[.\s]+$/, '')})` : '';
  return {
    state: 'unknown',
    backupId,
    outcome:
      `The controller's API server did not let Backup Console call FinishRestore within ${elapsedTextKeepingZeros(started)} after the restore of ${backupId}, ` +
      `so Backup Console cannot tell whether the restore finished${why}. ${checkHint} Raise "Restore reconnect timeout" for slow controllers.`,
  };
}

/**
 * Reconnects with back-off until the restarted API server answers, then calls FinishRestore,
 * whose answer is the evidence: success, or "Restore did not finish successfully". When no
 * answer comes in time the outcome is unknown (the job ends interrupted), never failed.
 */
export async function finishAfterRestart(timing: JujuTiming, ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  const access = await jujuAccess(ctx);
  const limitMs = restoreTimeoutMs(access, timing);
  const started = Date.now();
  let wait = timing.reconnectStartMs;
  let lastError: unknown;
  const stopped = () => new AppError('cancelled', 'Stopped waiting for the controller; the restore carries on there.');
  op.progress({ stage: "Stage 3 of 4: waiting for the controller's API server to restart", milestone: true });
  for (;;) {
    op.progress({ stage: `Stage 3 of 4: waiting for the controller's API server to restart — ${elapsedTextKeepingZeros(started)}` });
    try {
      const session = await openJuju(ctx, timing);
      try {
        if (op.signal.aborted) throw stopped();
        op.progress({ stage: 'Stage 4 of 4: finishing the restore (FinishRestore)', milestone: true });
        await session.backups('FinishRestore', {}, 'finish the restore');
        return { state: 'succeeded', outcome: restoredOutcome(backupId), backupId };
      } finally {
        session.close();
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthorized') {
        ctx.log.warn('The controller refused the stored password after the restore', { backupId });
        return passwordFromBackupTime(backupId, access.username);
      }
      // "Restore did not finish successfully" and other refusals are answers, not outages.
      if (!worthRetrying(error)) throw error;
      lastError = error;
      ctx.log.debug('FinishRestore not possible yet', { backupId, error: error instanceof Error ? error.message : String(error) });
    }
    if (op.signal.aborted) throw stopped();
    if (Date.now() - started + wait > limitMs) return gaveUp(backupId, started, lastError);
    await pause(wait, op.signal);
    wait = Math.min(timing.reconnectMaxMs, Math.round(wait * 1.5));
  }
}
