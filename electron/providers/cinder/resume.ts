import type { OperationContext, OperationOutcome, ProviderContext, ResumableJob } from '../provider';
import { openCinder } from './api';
import { readThrough, watchContact } from './contact';
import { followDelete } from './delete-backup';
import { followCreate } from './follow-create';
import { followRestore } from './follow-restore';
import { backoff, pause, parseRemoteRef, type CinderTiming, type RemoteRef } from './timing';

function describeRef(ref: RemoteRef): { running: string; check: string } {
  if (ref.op === 'restore') return { running: `restoring backup ${ref.backupId} into volume ${ref.volumeId}`, check: `volume ${ref.volumeId} and backup ${ref.backupId}` };
  return { running: `${ref.op === 'create' ? 'creating' : ref.op === 'import' ? 'importing' : 'deleting'} backup ${ref.backupId}`, check: `backup ${ref.backupId}` };
}

/**
 * Re-attaches after a restart by polling what the job's remote reference names. Null when the job
 * never got that far, or a create's backup is gone (Cinder no longer says how it ended). Cinder
 * may be back later than the app: the first reads get the same outage tolerance as the polls.
 */
export async function resumeOperation(timing: CinderTiming, ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null> {
  const ref = parseRemoteRef(job.remoteRef);
  if (!ref) return null;
  const next = backoff(timing);
  const watch = watchContact({ log: ctx.log, timing, op, ...describeRef(ref) });
  // No signal for these pauses: a cancel while Cinder is still down must not turn them into a busy loop (the follow loops act on it).
  const reach = <T>(read: () => Promise<T>) => readThrough(watch, read, () => pause(next()));
  const api = await reach(() => openCinder(ctx, op.signal));
  op.setBackupId(ref.backupId);
  if (ref.op === 'delete') return followDelete(api, timing, ref.backupId, op);
  if (ref.op === 'restore') {
    if (!(await reach(() => api.findVolume(ref.volumeId)))) return null;
    return followRestore({ api, timing, op, backupId: ref.backupId, volumeId: ref.volumeId });
  }
  if (!(await reach(() => api.findBackup(ref.backupId)))) return null;
  return followCreate({ api, timing, op, backupId: ref.backupId, what: ref.op === 'import' ? 'import' : 'backup' });
}
