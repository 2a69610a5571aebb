import type { OperationContext, OperationOutcome, ProviderContext, ResumableJob } from '../provider';
import { followCreate } from './create-backup';
import { followRestore } from './follow-restore';
import { parseRemoteRef } from './remote-ref';
import type { ApplianceTimings } from './timing';

/**
 * After a restart: a restore keeps polling restore_status (its end is told by `last_restore_time`), a
 * create keeps polling its backup. Uploads, downloads and factory resets cannot be picked up: a
 * transfer died with the app, and a reset leaves nothing to ask (null: the job is marked interrupted).
 */
export async function resumeOperation(ctx: ProviderContext, timings: ApplianceTimings, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null> {
  const ref = parseRemoteRef(job.remoteRef);
  if (!ref) return null;
  op.setBackupId(ref.backupId);
  if (job.kind === 'restore' && ref.op === 'restore') {
    op.progress({ stage: `Re-attached: reading the appliance's restore status for backup ${ref.backupId}` });
    return followRestore(ctx, timings, op, { backupId: ref.backupId, lastRestoreTimeBefore: ref.lastRestoreTimeBefore, startedAtMs: ref.startedAtMs, resumed: true });
  }
  if (job.kind === 'create' && ref.op === 'create') {
    op.progress({ stage: `Re-attached: following backup ${ref.backupId} on the appliance` });
    return followCreate(ctx, timings, op, ref.backupId, ref.startedAtMs, 0);
  }
  return null;
}
