import type { Backup } from '../../../shared/domain';

// trove/backup/state.py BackupState and the instance statuses a restore goes through.

export const runningBackupStatuses = ['NEW', 'BUILDING', 'SAVING'] as const;

const backupStates: Record<string, Backup['state']> = {
  NEW: 'creating',
  BUILDING: 'creating',
  SAVING: 'creating',
  COMPLETED: 'available',
  // A backup registered from another region's file (`restore_from`): Trove restores from it like a COMPLETED one.
  RESTORED: 'available',
  FAILED: 'error',
  DELETE_FAILED: 'error',
};

export function backupStateOf(status: string): Backup['state'] {
  return backupStates[status] ?? 'unknown';
}

export function isRunningBackup(status: string): boolean {
  return (runningBackupStatuses as readonly string[]).includes(status);
}

/** The instance a restore builds is usable. HEALTHY is what newer Trove reports once the database answers. */
export function isInstanceReady(status: string): boolean {
  return status === 'ACTIVE' || status === 'HEALTHY';
}

export function isInstanceFailed(status: string): boolean {
  return status === 'ERROR' || status === 'FAILED';
}
