import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { jujuAccess, restoreTimeoutMs } from './access';
import { apiRestoreAvailable, outOfBandRestore } from './info';
import { restoredOutcome } from './outcomes';
import { backupMetadata } from './read-operations';
import { SocketClosedError } from './rpc-connection';
import { openJuju } from './session';
import { elapsedText, pause, type JujuTiming } from './timing';

export const restoreRemoteRef = (backupId: string) => `restore/${backupId}`;

export function backupIdOfRestoreRef(ref: string | undefined): string | undefined {
  return ref?.startsWith('restore/') ? ref.slice('restore/'.length) || undefined : undefined;
}

/** While the API server restarts, these are what a reconnect meets; anything else is a real answer. */
function worthRetrying(error: unknown): boolean {
  return error instanceof AppError && ['unreachable', 'timeout', 'conflict', 'tls'].includes(error.code);
}

/**
 * Reconnects with back-off until the restarted API server answers, then calls FinishRestore,
 * whose answer is the evidence: success, or "Restore did not finish successfully".
 */
export async function finishAfterRestart(timing: JujuTiming, ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  const limitMs = restoreTimeoutMs(await jujuAccess(ctx), timing);
  const started = Date.now();
  let wait = timing.reconnectStartMs;
  let lastError: unknown;
  const stopped = () => new AppError('cancelled', 'Stopped waiting for the controller; the restore carries on there.');
  op.progress({ stage: "Stage 3 of 4: waiting for the controller's API server to restart", milestone: true });
  for (;;) {
    op.progress({ stage: `Stage 3 of 4: waiting for the controller's API server to restart — ${elapsedText(started)}` });
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
      // "Restore did not finish successfully" and refusals are answers, not outages.
      if (!worthRetrying(error)) throw error;
      lastError = error;
    }
    if (op.signal.aborted) throw stopped();
    if (Date.now() - started + wait > limitMs) {
      const why = lastError instanceof Error ? ` (last attempt: ${lastError.message.replace(/[.\s]+$/, '')})` : '';
      throw new AppError(
        'timeout',
        `The controller's API server did not come back within ${elapsedText(started)} after the restore of ${backupId}, so Backup Console cannot tell whether the restore finished${why}.`,
        'Check the controller machine (`juju ssh -m controller 0`, then the jujud-machine-0 service). Raise "Restore reconnect timeout" for slow controllers.',
      );
    }
    await pause(wait, op.signal);
    wait = Math.min(timing.reconnectMaxMs, Math.round(wait * 1.5));
  }
}

/** Juju 2.x API restore: PrepareRestore → Restore (the API server exits; the socket drops) → reconnect → FinishRestore. */
export async function restoreBackup(timing: JujuTiming, ctx: ProviderContext, backupId: string, op: OperationContext, options: RawOptions | undefined): Promise<OperationOutcome> {
  if (options && Object.keys(options).length) throw new AppError('validation', 'Restore options: a Juju restore takes none.');
  op.progress({ stage: 'Signing in to the controller' });
  const session = await openJuju(ctx, timing);
  try {
    if (!apiRestoreAvailable(session.facts)) {
      throw new AppError('unsupported', `Juju ${session.facts.serverVersion} cannot restore over its API.`, `Restore out of band with juju-restore: ${outOfBandRestore}`);
    }
    op.setBackupId(backupId);
    op.progress({ stage: `Stage 1 of 4: checking backup ${backupId} and preparing the controller (PrepareRestore)`, milestone: true });
    await backupMetadata(session, ctx, backupId);
    await session.backups('PrepareRestore', {}, 'prepare the restore');
    op.setRemoteRef(restoreRemoteRef(backupId));
    op.progress({ stage: `Stage 2 of 4: restoring backup ${backupId} (Restore); the API server restarts, so the connection drops`, milestone: true });
    try {
      await session.backups('Restore', { 'backup-id': backupId }, `restore backup ${backupId}`, { timeoutMs: restoreTimeoutMs(session.access, timing) });
    } catch (error) {
      // The API server exits once the restore is in place: a dropped socket is the expected answer.
      if (!(error instanceof SocketClosedError)) throw error;
      ctx.log.info('The controller dropped the connection during Restore, as expected', { backupId });
    }
  } finally {
    session.close();
  }
  return finishAfterRestart(timing, ctx, backupId, op);
}
