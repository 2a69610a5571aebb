import type { Backup } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { authed, getWireBackup, listWireBackups } from './api';
import { backupPath } from './device-url';
import { refusal } from './errors';
import { toDomainBackup } from './normalise';

export async function listBackups(ctx: ProviderContext, filters?: Record<string, string>): Promise<Backup[]> {
  if (filters && Object.values(filters).some((v) => v !== '')) throw new AppError('validation', 'Appliance backup lists take no filters.');
  const items = await listWireBackups(ctx);
  return items.map((wire) => toDomainBackup(wire, ctx.endpoint.id));
}

export async function getBackup(ctx: ProviderContext, backupId: string): Promise<Backup> {
  return toDomainBackup(await getWireBackup(ctx, backupId), ctx.endpoint.id);
}

/**
 * DELETE → 200/204. A 404 means the appliance no longer lists it, which is what was asked; it does not
 * prove nothing was deleted: a DELETE resent after its pooled connection closed meets the 404 of its
 * own first attempt.
 */
export async function deleteBackup(ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  op.setBackupId(backupId);
  op.progress({ stage: `Deleting backup ${backupId}` });
  const res = await authed(ctx, { method: 'DELETE', path: backupPath(backupId), signal: op.signal });
  if (res.status === 404) {
    await res.discard();
    return { state: 'succeeded', outcome: `The appliance no longer lists backup ${backupId} (it answered 404 Not Found), so it is gone, whether this request or someone else deleted it.`, backupId };
  }
  if (res.status !== 200 && res.status !== 204) throw await refusal(res, `delete backup ${backupId}`);
  await res.discard();
  return { state: 'succeeded', outcome: `Deleted backup ${backupId} from the appliance; its slot (appliances keep two backups) is free.`, backupId };
}
