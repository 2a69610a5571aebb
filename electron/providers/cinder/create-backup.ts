import { AppError } from '../../../shared/errors';
import { parseOptions } from '../parse-options';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { openCinder } from './api';
import { followCreate } from './follow-create';
import { atLeast, AVAILABILITY_ZONE_SINCE, METADATA_SINCE, type Microversion } from './microversion';
import { createOptionsSchema, type CreateOptions } from './options';
import { notStartedOutcome } from './outcomes';
import { remoteRefFor, type CinderTiming } from './timing';

/** The POST /backups body, with only the fields this microversion accepts (Cinder rejects unknown ones with 400). */
export function createRequestBody(options: CreateOptions, mv: Microversion): { backup: Record<string, unknown> } {
  if (options.metadata && Object.keys(options.metadata).length > 0 && !atLeast(mv, METADATA_SINCE)) {
    throw new AppError('validation', `This Cinder speaks API ${mv.version}, which cannot store backup metadata (that needs ${METADATA_SINCE}).`, 'Remove the metadata, or ask the operator to upgrade Cinder.');
  }
  if (options.availability_zone && !atLeast(mv, AVAILABILITY_ZONE_SINCE)) {
    throw new AppError('validation', `This Cinder speaks API ${mv.version}, which cannot choose the backup's availability zone (that needs ${AVAILABILITY_ZONE_SINCE}).`, 'Leave the availability zone empty.');
  }
  const backup: Record<string, unknown> = { volume_id: options.volume_id, incremental: options.incremental, force: options.force };
  for (const key of ['name', 'description', 'container', 'snapshot_id', 'availability_zone'] as const) if (options[key]) backup[key] = options[key];
  if (options.metadata && Object.keys(options.metadata).length > 0) backup.metadata = options.metadata;
  return { backup };
}

export async function createBackup(timing: CinderTiming, ctx: ProviderContext, op: OperationContext, raw?: RawOptions): Promise<OperationOutcome> {
  const options = parseOptions(createOptionsSchema, raw, 'Backup options');
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: 'Signing in to OpenStack' });
  const api = await openCinder(ctx, op.signal);
  const body = createRequestBody(options, api.microversion);
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: `Asking Cinder to back up volume ${options.volume_id}` });
  const startedAt = Date.now();
  const backupId = await api.createBackup(body);
  op.setBackupId(backupId);
  op.setRemoteRef(remoteRefFor({ op: 'create', backupId }));
  ctx.log.child({ provider: 'cinder', operation: 'create' }).info('Backup started', { backupId, volumeId: options.volume_id, microversion: api.microversion.version });
  return followCreate({ api, timing, op, backupId, what: 'backup', startedAt });
}
