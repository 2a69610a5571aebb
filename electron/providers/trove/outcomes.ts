import { AppError } from '../../../shared/errors';
import { reportedGib } from '../openstack/normalise';
import type { OperationOutcome } from '../provider';
import { named } from './stages';
import type { WireBackup, WireInstance } from './wire-schemas';

export const notStartedOutcome = 'Cancelled before Trove was asked to do anything; nothing changed.';

/** What a backup's end status means for a create job. Throws unless it completed. */
export function backupCreatedOutcome(backup: WireBackup): OperationOutcome {
  const which = named(backup.name, backup.id);
  const of = backup.instance_id ? ` of instance ${backup.instance_id}` : '';
  if (backup.status === 'COMPLETED' || backup.status === 'RESTORED') {
    const size = typeof backup.size === 'number' ? ` (${reportedGib(backup.size)})` : '';
    const kind = backup.parent_id ? `Incremental backup ${which}, based on ${backup.parent_id},` : `Backup ${which}`;
    return { state: 'succeeded', outcome: `${kind}${of} completed${size}.`, backupId: backup.id };
  }
  if (backup.status === 'FAILED') {
    throw new AppError(
      'server-error',
      `Trove reports that backup ${which}${of} FAILED: no usable backup was made.`,
      'The FAILED record stays in the list until you delete it. Check that the instance is ACTIVE and has free space, then try again; the Trove guest agent log says why.',
    );
  }
  throw new AppError('server-error', `Backup ${which}${of} ended with status ${backup.status}, not COMPLETED.`, 'Refresh the list and check the backup in Trove before relying on it.');
}

export function backupVanishedError(backupId: string): AppError {
  return new AppError(
    'not-found',
    `Backup ${backupId} disappeared from Trove before it completed (it was deleted while running).`,
    'Refresh the list; start a new backup if you still need one.',
  );
}

/** A restore whose new instance reached ACTIVE (or HEALTHY). */
export function instanceBuiltOutcome(instance: WireInstance, backupId: string): OperationOutcome {
  return {
    state: 'succeeded',
    outcome: `Restored backup ${backupId} into the new instance ${named(instance.name, instance.id)}, now ${instance.status}. The original instance was not touched.`,
    backupId,
  };
}

export function instanceFailedError(instance: WireInstance, backupId: string): AppError {
  const fault = instance.fault?.message ? `: ${instance.fault.message.replace(/[.\s]+$/, '')}` : '';
  return new AppError(
    'server-error',
    `Trove could not build the new instance ${named(instance.name, instance.id)} from backup ${backupId}; it is ${instance.status}${fault}.`,
    'The failed instance still counts against your quota: delete it in Trove (or Horizon), then try again, perhaps with a larger flavor or volume.',
  );
}

export function instanceVanishedError(instanceId: string, backupId: string): AppError {
  return new AppError(
    'not-found',
    `The instance ${instanceId} being restored from backup ${backupId} disappeared from Trove before it became ACTIVE (it was deleted).`,
    'Restore the backup again if you still need it.',
  );
}
