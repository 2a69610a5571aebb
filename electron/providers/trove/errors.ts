import { AppError } from '../../../shared/errors';
import type { HttpResponse } from '../../core/http/http-client';
import { readFault } from '../openstack/faults';

// The refusals a user can act on get their own sentence; every other status goes through the
// shared fault handling of OpenStackService.

function said(message: string | undefined): string {
  return message ? ` (Trove: "${message}")` : '';
}

export async function createRefusal(res: HttpResponse, instanceId: string): Promise<AppError> {
  const message = await readFault(res);
  if (res.status === 501) {
    return new AppError(
      'unsupported',
      `Trove has no backup strategy for the datastore of instance ${instanceId}, so it cannot back it up${said(message)}.`,
      'This datastore (or this version of it) cannot be backed up by Trove in this cloud. Ask the cloud operator, or back up from inside the database.',
    );
  }
  return new AppError(
    'conflict',
    `Trove cannot back up instance ${instanceId} right now: it is not ACTIVE, or another backup or task is running on it${said(message)}.`,
    'Wait until the instance is ACTIVE again (it shows BACKUP while a backup runs), then try again.',
  );
}

export async function restoreRefusal(res: HttpResponse, backupId: string): Promise<AppError> {
  const message = await readFault(res);
  if (res.status === 403 && message && /too large/i.test(message)) {
    return new AppError('validation', `The new instance's volume is too small for backup ${backupId}${said(message)}.`, 'Choose a volume size at least as large as the backup, then try again.');
  }
  if (res.status === 403) {
    return new AppError('forbidden', `Trove refused to build an instance from backup ${backupId}${said(message)}.`, 'Your role in this project may not allow creating instances; ask a cloud admin.');
  }
  return new AppError(
    'conflict',
    `Backup ${backupId} has not completed, so Trove cannot restore from it${said(message)}.`,
    'Wait until the backup shows COMPLETED (refresh the list), then restore it. A FAILED backup cannot be restored.',
  );
}

export async function deleteRefusal(res: HttpResponse, backupId: string): Promise<AppError> {
  const message = await readFault(res);
  return new AppError(
    'conflict',
    `Backup ${backupId} is still running, and Trove does not delete a running backup${said(message)}.`,
    'Wait until it shows COMPLETED or FAILED, then delete it.',
  );
}

export function backupNotFound(backupId: string): AppError {
  return new AppError('not-found', `Trove has no backup ${backupId} in this project.`, 'Refresh the list: it may have been deleted, or it belongs to another project.');
}
