import { openService } from '../openstack/open-service';
import { parseOptions } from '../parse-options';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { TroveApi } from './api';
import { followBackup } from './follow-backup';
import { createBackupOptionsSchema, type CreateBackupOptions } from './options';
import { backupCreatedOutcome, backupVanishedError, notStartedOutcome } from './outcomes';
import type { BackupCreateRequest } from './request-schemas';
import type { TroveTimings } from './settings';

export function createRequestBody(o: CreateBackupOptions): BackupCreateRequest {
  const backup: BackupCreateRequest['backup'] = { name: o.name, instance: o.instance, incremental: o.incremental ? 1 : 0 };
  if (o.description) backup.description = o.description;
  if (o.parent_id) backup.parent_id = o.parent_id;
  if (o.swift_container) backup.swift_container = o.swift_container;
  return { backup };
}

/** POST backups, then follow the backup until COMPLETED or FAILED. Trove cannot cancel it once asked. */
export async function createBackup(timings: TroveTimings, ctx: ProviderContext, op: OperationContext, raw?: RawOptions): Promise<OperationOutcome> {
  const options = parseOptions(createBackupOptionsSchema, raw, 'Backup options');
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  const log = ctx.log.child({ provider: 'trove', operation: 'create', instance: options.instance });
  op.progress({ stage: 'Signing in to OpenStack' });
  const api = new TroveApi(await openService(ctx, 'trove', op.signal));
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: `Asking Trove to back up instance ${options.instance}` });
  const sinceMs = Date.now();
  const created = await api.createBackup(createRequestBody(options));
  op.setBackupId(created.id);
  op.setRemoteRef(created.id);
  log.info('Backup started', { backupId: created.id, incremental: options.incremental });
  const end = await followBackup({ api, op, log, timings, backupId: created.id, sinceMs });
  if (end === 'gone') throw backupVanishedError(created.id);
  return backupCreatedOutcome(end);
}
