import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { finishAfterRestart } from './finish-restore';
import { apiRestoreAvailable, outOfBandRestore } from './info';
import { backupMetadata } from './read-operations';
import { SocketClosedError } from './rpc-connection';
import { JujuRpcError, toAppError } from './rpc-errors';
import { openJuju, type JujuSession } from './session';
import type { JujuTiming } from './timing';

export { finishAfterRestart } from './finish-restore';

export const restoreRemoteRef = (backupId: string) => `restore/${backupId}`;

export function backupIdOfRestoreRef(ref: string | undefined): string | undefined {
  return ref?.startsWith('restore/') ? ref.slice('restore/'.length) || undefined : undefined;
}

/**
 * Restore refused or failed with an answer, after PrepareRestore put the controller in restore-pending
 * mode (most calls refused). FinishRestore ends that mode: on anything but a finished restore it marks
 * the restore failed ("Restore did not finish successfully"), which is the answer wanted here.
 */
async function leaveRestoreMode(session: JujuSession, ctx: ProviderContext, backupId: string): Promise<string> {
  try {
    await session.backups('FinishRestore', {}, 'end restore mode');
    return ' Backup Console then called FinishRestore, which took the controller out of restore mode.';
  } catch (error) {
    if (error instanceof AppError && /did not finish successfully/i.test(error.message)) {
      return ' Backup Console then called FinishRestore, which marked the restore failed and took the controller out of restore mode.';
    }
    ctx.log.warn('Could not take the controller out of restore mode', { backupId, error: error instanceof Error ? error.message : String(error) });
    return (
      ' The controller may be left in restore-pending mode, where it refuses most calls: `juju models` then answers "juju restore is in progress - functionality is limited to avoid data loss".' +
      ' Retrying the restore here ends that mode either way.'
    );
  }
}

/**
 * Sends Restore with no client-side limit: the controller restores the whole database before its API
 * server exits, which takes as long as it takes. An error frame is an answer; a dropped socket (or
 * anything else) means "outcome unknown so far", settled by FinishRestore after the restart.
 */
async function sendRestore(session: JujuSession, ctx: ProviderContext, backupId: string): Promise<void> {
  const call = { type: 'Backups', version: session.facts.backupsVersion, request: 'Restore', params: { 'backup-id': backupId } };
  try {
    await session.rpc.call(call, { timeoutMs: null });
    ctx.log.info('Restore answered without the API server restarting; asking FinishRestore how it ended', { backupId });
  } catch (error) {
    if (error instanceof JujuRpcError) {
      const explained = toAppError(error, { username: session.access.username, doing: `restore backup ${backupId}`, modelUuid: session.facts.modelUuid }) as AppError;
      const mode = await leaveRestoreMode(session, ctx, backupId);
      throw new AppError(explained.code, `${explained.message}${mode}`, explained.hint);
    }
    const closedBy = error instanceof SocketClosedError ? error.closedBy : undefined;
    ctx.log.info('The connection ended during Restore (the API server exits when the restore is in place); the outcome is settled after it restarts', {
      backupId,
      closedBy,
      error: error instanceof Error ? error.message : String(error),
    });
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
    await sendRestore(session, ctx, backupId);
  } finally {
    session.close();
  }
  return finishAfterRestart(timing, ctx, backupId, op);
}
