import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { PiecesApi } from './api';
import { notStartedOutcome } from './outcomes';

// Both calls are quick and cannot be taken back once sent, so a cancel is honoured only before
// sending; after that the job reports what the server did.

export async function deleteBackup(ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.setBackupId(backupId);
  op.progress({ stage: 'Deleting the backup from Pieces cloud' });
  await new PiecesApi(ctx.http).deleteBackup(backupId);
  ctx.log.info('Backup deleted', { provider: 'pieces', backupId });
  return { state: 'succeeded', outcome: `Deleted backup ${backupId} from your Pieces cloud.` };
}

/** GET /asset/{id}, then POST /backup/asset with that Asset: backs up one snippet to the cloud. */
export async function backupAsset(ctx: ProviderContext, assetId: string, op: OperationContext): Promise<OperationOutcome> {
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  const api = new PiecesApi(ctx.http);
  op.progress({ stage: 'Reading the asset from Pieces OS' });
  const asset = await api.getAsset(assetId, { signal: op.signal }).catch((error: unknown) => {
    if (op.signal.aborted) return undefined;
    throw error;
  });
  if (!asset) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: 'Backing up the asset to Pieces cloud', fraction: 0.5 });
  await api.backupAsset(asset);
  const name = asset.name ? `"${asset.name}"` : assetId;
  return { state: 'succeeded', outcome: `Backed up asset ${name} to your Pieces cloud.` };
}
