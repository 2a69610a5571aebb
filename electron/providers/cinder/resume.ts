import type { OperationContext, OperationOutcome, ProviderContext, ResumableJob } from '../provider';
import { openCinder } from './api';
import { followDelete } from './delete-backup';
import { followCreate } from './follow-create';
import { followRestore } from './follow-restore';
import { parseRemoteRef, type CinderTiming } from './timing';

/**
 * Re-attaches after a restart by polling what the job's remote reference names. Null when the job
 * never got that far, or a create's backup is gone (Cinder no longer says how it ended).
 */
export async function resumeOperation(timing: CinderTiming, ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null> {
  const ref = parseRemoteRef(job.remoteRef);
  if (!ref) return null;
  const api = await openCinder(ctx, op.signal);
  op.setBackupId(ref.backupId);
  if (ref.op === 'delete') return followDelete(api, timing, ref.backupId, op);
  if (ref.op === 'restore') {
    if (!(await api.findVolume(ref.volumeId))) return null;
    return followRestore({ api, timing, op, backupId: ref.backupId, volumeId: ref.volumeId });
  }
  if (!(await api.findBackup(ref.backupId))) return null;
  return followCreate({ api, timing, op, backupId: ref.backupId, what: ref.op === 'import' ? 'import' : 'backup' });
}
