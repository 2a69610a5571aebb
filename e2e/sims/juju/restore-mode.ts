import type { RestoreStatus } from './types';
import { RpcError } from './rpc-errors';

// apiserver restrict_restore.go (2.x): plain errors, so the frames carry no error-code.
export const aboutToRestoreMessage = 'juju restore is in progress - functionality is limited to avoid data loss';
export const restoreInProgressMessage = 'juju restore is in progress - API is disabled to prevent data loss';

const allowedAboutToRestore = new Set([
  'Client.FullStatus',
  'Client.ModelGet',
  'Client.PrivateAddress',
  'Client.PublicAddress',
  'Client.WatchDebugLog',
  'Backups.Restore',
  'Backups.FinishRestore',
  'Pinger.Ping',
]);

/**
 * While a restore is pending (after PrepareRestore) only a few calls are allowed; while it runs
 * (after Restore, until the API server exits) none is. The real apiserver picks the restricted
 * root at login; checking per call is the same for the flows simulated here.
 */
export function restoreModeRefusal(status: RestoreStatus, facade: string, method: string): RpcError | undefined {
  if (status === 'RESTORING') return new RpcError(restoreInProgressMessage);
  if (status === 'PENDING' && !allowedAboutToRestore.has(`${facade}.${method}`)) return new RpcError(aboutToRestoreMessage);
  return undefined;
}
