import type { OperationContext, OperationOutcome, ProviderContext, ResumableJob } from '../provider';
import { backupIdOfRestoreRef, finishAfterRestart } from './restore-backup';
import type { JujuTiming } from './timing';

/**
 * After a restart only a restore can be followed: its end is FinishRestore's answer once the API
 * server is back. A create has no trace to poll (Juju 3.x does not list backups, and 2.x Create
 * leaves nothing that says which call made it), so its outcome is unknown: null.
 */
export async function resumeOperation(timing: JujuTiming, ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null> {
  const backupId = job.kind === 'restore' ? backupIdOfRestoreRef(job.remoteRef) : undefined;
  if (!backupId) return null;
  op.setBackupId(backupId);
  return finishAfterRestart(timing, ctx, backupId, op);
}
