import { wireTimestampToIso } from '../openstack/normalise';
import { openService } from '../openstack/open-service';
import type { OperationContext, OperationOutcome, ProviderContext, ResumableJob } from '../provider';
import { TroveApi } from './api';
import { followDelete, StillListedError, subtreeOf } from './delete-backup';
import { followBackup, waitingForTroveStage } from './follow-backup';
import { followInstance } from './follow-instance';
import { backupCreatedOutcome } from './outcomes';
import { TroveOutageError, whenReachable } from './poll';
import type { TroveTimings } from './settings';

function epochOf(wireTime: string | null | undefined): number {
  const iso = wireTimestampToIso(wireTime);
  return iso ? Date.parse(iso) : Date.now();
}

/**
 * Re-attaches after a restart by polling what the job left running on Trove. The remote
 * reference is the backup id (create, delete) or the NEW instance's id (restore).
 * - create: follow the backup to COMPLETED/FAILED; gone from Trove = cannot tell (null).
 * - restore: follow the instance to ACTIVE/ERROR; no instance id = the POST may not have
 *   happened, cannot tell (null).
 * - delete: gone = done; still listed = give it `resumeDeleteGraceMs` to go, else cannot tell (null).
 * Trove unreachable (past the poll's outage tolerance): null, never failed.
 */
export async function resumeOperation(timings: TroveTimings, ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null> {
  const log = ctx.log.child({ provider: 'trove', operation: 'resume', kind: job.kind, backupId: job.backupId });
  const reach = <T>(call: () => Promise<T>) => whenReachable(call, { timings, log, onOutage: () => op.progress({ stage: waitingForTroveStage }) });
  const open = async () => new TroveApi(await reach(() => openService(ctx, 'trove')));
  try {
    if (job.kind === 'create') {
      const backupId = job.backupId ?? job.remoteRef;
      if (!backupId) return null;
      const api = await open();
      const first = await reach(() => api.findBackup(backupId));
      if (!first) return null;
      const end = await followBackup({ api, op, log, timings, backupId, sinceMs: epochOf(first.created) });
      return end === 'gone' ? null : backupCreatedOutcome(end);
    }
    if (job.kind === 'restore') {
      const { remoteRef: instanceId, backupId } = job;
      if (!instanceId || !backupId) return null;
      const api = await open();
      const instance = await reach(() => api.findInstance(instanceId));
      return await followInstance({ api, op, log, timings, instanceId, backupId, sinceMs: epochOf(instance?.created) });
    }
    if (job.kind === 'delete') {
      const backupId = job.backupId ?? job.remoteRef;
      if (!backupId) return null;
      const api = await open();
      const target = await reach(() => api.findBackup(backupId));
      if (!target) return { state: 'succeeded', outcome: `Backup ${backupId} is gone from Trove.` };
      const graceTimings = { ...timings, deleteTimeoutMs: timings.resumeDeleteGraceMs };
      return await followDelete({ api, op, log, timings: graceTimings, backupId, dependents: await reach(() => subtreeOf(api, target)) }).catch((error: unknown) => {
        if (error instanceof StillListedError) return null;
        throw error;
      });
    }
    return null;
  } catch (error) {
    // Only "could not reach Trove": an end Trove reported (a FAILED backup, an ERROR instance) fails the job.
    if (!(error instanceof TroveOutageError)) throw error;
    log.warn('Lost Trove while re-attached; cannot tell how the operation ended', { error });
    return null;
  }
}
