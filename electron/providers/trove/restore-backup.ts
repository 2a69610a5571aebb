import { openService } from '../openstack/open-service';
import { parseOptions } from '../parse-options';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { TroveApi } from './api';
import { followInstance } from './follow-instance';
import { restoreBackupOptionsSchema, type RestoreBackupOptions } from './options';
import { notStartedOutcome } from './outcomes';
import type { InstanceCreateRequest } from './request-schemas';
import type { TroveTimings } from './settings';
import { defaultRestoreVolumeSize } from './sizes';
import type { WireBackup } from './wire-schemas';

/**
 * The instance create body; what the user left empty comes from the backup, and the volume size
 * from the source instance's volume (`sourceVolumeGib`, when it still exists) or the backup's size
 * with a margin (see sizes.ts).
 */
export function restoreRequestBody(o: RestoreBackupOptions, backup: WireBackup, sourceVolumeGib?: number | null): InstanceCreateRequest {
  const instance: InstanceCreateRequest['instance'] = {
    name: o.name,
    flavorRef: o.flavorRef,
    volume: { size: o.volume_size ?? defaultRestoreVolumeSize(backup.size, sourceVolumeGib) },
    restorePoint: { backupRef: backup.id },
  };
  const type = o.datastore ?? backup.datastore?.type ?? undefined;
  // The backup's version only makes sense with the backup's datastore.
  const sameDatastore = !o.datastore || o.datastore === backup.datastore?.type;
  const version = o.datastore_version ?? (sameDatastore ? backup.datastore?.version : undefined) ?? undefined;
  if (type) instance.datastore = version ? { type, version } : { type };
  if (o.network_id) instance.nics = [{ 'net-id': o.network_id }];
  return { instance };
}

/** The volume size of the instance the backup was taken of, when Trove still has it. */
async function sourceVolumeSize(api: TroveApi, backup: WireBackup, signal: AbortSignal): Promise<number | undefined> {
  if (!backup.instance_id) return undefined;
  const source = await api.findInstance(backup.instance_id, signal);
  return source?.volume?.size ?? undefined;
}

/**
 * A Trove restore builds a NEW instance from the backup (POST instances with `restorePoint`);
 * nothing existing is overwritten. Follows the build until ACTIVE or ERROR. Trove cannot cancel it.
 */
export async function restoreBackup(timings: TroveTimings, ctx: ProviderContext, backupId: string, op: OperationContext, raw?: RawOptions): Promise<OperationOutcome> {
  const options = parseOptions(restoreBackupOptionsSchema, raw, 'Restore options');
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  const log = ctx.log.child({ provider: 'trove', operation: 'restore', backupId });
  op.setBackupId(backupId);
  op.progress({ stage: 'Signing in to OpenStack' });
  const api = new TroveApi(await openService(ctx, 'trove', op.signal));
  op.progress({ stage: `Reading backup ${backupId}` });
  const backup = await api.getBackup(backupId, op.signal);
  const sourceVolumeGib = options.volume_size === undefined ? await sourceVolumeSize(api, backup, op.signal) : undefined;
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: `Asking Trove to build the new instance "${options.name}" from backup ${backupId}` });
  const sinceMs = Date.now();
  const instance = await api.createInstance(restoreRequestBody(options, backup, sourceVolumeGib), backupId);
  op.setRemoteRef(instance.id);
  log.info('Restore started', { instanceId: instance.id, status: instance.status });
  return followInstance({ api, op, log, timings, instanceId: instance.id, backupId, sinceMs });
}
