import type { Endpoint } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, Provider, ProviderContext } from '../../providers/provider';
import type { CoreDeps } from './deps';
import { requireCapability, requireConfirmation } from './provider-calls';

export interface DeleteFirst {
  backupId: string;
  confirmation: string;
}

/** Checked before the job starts: deleting is allowed here, and the operator typed the id of the backup that goes. */
export function checkDeleteFirst(deps: CoreDeps, endpoint: Endpoint, deleteFirst: DeleteFirst | undefined): void {
  if (!deleteFirst) return;
  const provider = requireCapability(deps, endpoint, 'delete');
  if (!provider.info.backupLimit) {
    throw new AppError('validation', `${provider.info.label} endpoints have no backup limit, so nothing needs deleting first.`, 'Delete the backup on its own if you mean to.');
  }
  requireConfirmation(deleteFirst.confirmation, deleteFirst.backupId, `the id of the backup to delete first (${deleteFirst.backupId})`);
}

/**
 * Makes room on an endpoint that keeps only a few backups: deletes the one the operator chose, in
 * the same job and before anything else, and goes on only when the delete really happened.
 */
export async function afterDeleteFirst(
  provider: Provider,
  ctx: ProviderContext,
  op: OperationContext,
  deleteFirst: DeleteFirst | undefined,
  next: () => Promise<OperationOutcome>,
): Promise<OperationOutcome> {
  if (!deleteFirst) return next();
  op.progress({ stage: `Deleting backup ${deleteFirst.backupId} first, to make room`, milestone: true });
  const deleted = await provider.deleteBackup(ctx, deleteFirst.backupId, op);
  if (deleted.state !== 'succeeded') {
    return { ...deleted, outcome: `Stopped before starting: deleting backup ${deleteFirst.backupId} first did not finish (${deleted.outcome})` };
  }
  const result = await next();
  return { ...result, outcome: `Backup ${deleteFirst.backupId} was deleted first. ${result.outcome}` };
}
