import { openService } from '../openstack/open-service';
import { parseOptions } from '../parse-options';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { TroveApi } from './api';
import { followInstance } from './follow-instance';
import { restoreBackupOptionsSchema, type RestoreBackupOptions } from './options';
import { notStartedOutcome } from './outcomes';
import type { InstanceCreateRequest } from './request-schemas';
import type { TroveTimings } from './settings';
import { volumeSizeFor } from './sizes';
import type { WireBackup } from './wire-schemas';

/** The instance create body; what the user left empty comes from the backup. */
export function restoreRequestBody(o: RestoreBackupOptions, backup: WireBackup): InstanceCreateRequest {
  const instance: InstanceCreateRequest['instance'] = {
    name: o.name,
    flavorRef: o.flavorRef,
    volume: { size: o.volume_size ?? volumeSizeFor(backup.size) },
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
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: `Asking Trove to build the new instance "${options.name}" from backup ${backupId}` });
  const sinceMs = Date.now();
  const instance = await api.createInstance(restoreRequestBody(options, backup), backupId);
  op.setRemoteRef(instance.id);
  log.info('Restore started', { instanceId: instance.id, status: instance.status });
  return followInstance({ api, op, log, timings, instanceId: instance.id, backupId, sinceMs });
}
