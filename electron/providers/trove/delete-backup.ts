import { AppError } from '../../../shared/errors';
import type { Logger } from '../../core/log/logger';
import { openService } from '../openstack/open-service';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { TroveApi } from './api';
import { listBackupsCompletely } from './complete-list';
import { waitingForTroveStage } from './follow-backup';
import { dependentsById } from './normalise';
import { notStartedOutcome } from './outcomes';
import { pollUntil } from './poll';
import type { TroveTimings } from './settings';
import { elapsedText } from './stages';
import type { WireBackup } from './wire-schemas';

/** The incremental backups Trove will delete with `target` (children, grandchildren…), from a fresh, complete list. */
export async function subtreeOf(api: TroveApi, target: WireBackup, signal?: AbortSignal): Promise<string[]> {
  // Incrementals are taken of the same instance, so that instance's list holds the whole subtree.
  const listed = await listBackupsCompletely(api, target.instance_id ? { instance_id: target.instance_id } : {}, signal);
  return dependentsById([target, ...listed.filter((b) => b.id !== target.id)]).get(target.id) ?? [];
}

function deletedOutcome(backupId: string, dependents: string[], deleteFailed: string[]): string {
  const also = dependents.length ? ` and the ${dependents.length} incremental backup${dependents.length === 1 ? '' : 's'} based on it (${dependents.join(', ')})` : '';
  const files = deleteFailed.length
    ? ` Trove reported DELETE_FAILED for ${deleteFailed.join(', ')}: the records are gone, but stored backup files may remain in object storage.`
    : '';
  return `Deleted backup ${backupId}${also} from Trove.${files}`;
}

/** Trove accepted the delete but still lists the backup (or a dependent) past the deadline. */
export class StillListedError extends AppError {}

export interface FollowDeleteOptions {
  api: TroveApi;
  op: OperationContext;
  log: Logger;
  timings: TroveTimings;
  backupId: string;
  dependents: string[];
}

/** Polls until Trove answers 404 for the backup and every dependent (each is marked deleted even when its files could not be removed). */
export async function followDelete(o: FollowDeleteOptions): Promise<OperationOutcome> {
  const all = [o.backupId, ...o.dependents];
  const remaining = new Set(all);
  const deleteFailed = new Set<string>();
  const started = Date.now();
  await pollUntil(
    async () => {
      for (const id of [...remaining]) {
        const backup = await o.api.findBackup(id);
        if (!backup) remaining.delete(id);
        else if (backup.status === 'DELETE_FAILED') deleteFailed.add(id);
      }
      if (remaining.size === 0) return true;
      const gone = all.length - remaining.size;
      o.op.progress({ stage: `Trove is deleting: ${gone} of ${all.length} gone (${elapsedText(Date.now() - started)})`, fraction: gone / all.length });
      return undefined;
    },
    {
      timings: o.timings,
      log: o.log,
      onOutage: () => o.op.progress({ stage: waitingForTroveStage }),
      deadline: {
        afterMs: o.timings.deleteTimeoutMs,
        error: () =>
          new StillListedError('server-error', `Trove accepted the delete, but still lists ${[...remaining].join(', ')} after ${elapsedText(Date.now() - started)}.`, 'Check the Trove task manager; refresh the list later.'),
      },
    },
  );
  o.log.info('Backup deleted', { backupId: o.backupId, dependents: o.dependents.length, deleteFailed: deleteFailed.size });
  return { state: 'succeeded', outcome: deletedOutcome(o.backupId, o.dependents, [...deleteFailed]) };
}

/** Lists what goes with the backup, DELETEs it (Trove removes the incremental children recursively) and waits until all are gone. */
export async function deleteBackup(timings: TroveTimings, ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  const log = ctx.log.child({ provider: 'trove', operation: 'delete', backupId });
  op.setBackupId(backupId);
  op.progress({ stage: 'Signing in to OpenStack' });
  const api = new TroveApi(await openService(ctx, 'trove', op.signal));
  op.progress({ stage: 'Finding the incremental backups that depend on it' });
  const target = await api.findBackup(backupId, op.signal);
  if (!target) return { state: 'succeeded', outcome: `Trove no longer has backup ${backupId}; there was nothing to delete.` };
  const dependents = await subtreeOf(api, target, op.signal);
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: dependents.length ? `Deleting backup ${backupId} and ${dependents.length} incremental backups based on it` : `Deleting backup ${backupId}` });
  op.setRemoteRef(backupId);
  await api.deleteBackup(backupId);
  return followDelete({ api, op, log, timings, backupId, dependents });
}
