import { AppError } from '../../../shared/errors';
import { reportedGib } from '../openstack/normalise';
import { parseOptions } from '../parse-options';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { openCinder, type CinderApi } from './api';
import { followRestore } from './follow-restore';
import { describeVolume } from './normalise';
import { restoreOptionsSchema, type RestoreOptions } from './options';
import { notStartedOutcome } from './outcomes';
import { remoteRefFor, type CinderTiming } from './timing';

/** Cinder refuses these with a terse 400; saying why first is kinder. */
async function precheck(api: CinderApi, backupId: string, options: RestoreOptions): Promise<void> {
  const backup = await api.getBackup(backupId);
  if (backup.status !== 'available') {
    throw new AppError('conflict', `Backup ${backupId} is ${backup.status}; Cinder restores only available backups.`, 'Wait until it is available, then try again.');
  }
  if (options.target !== 'existing' || !options.volume_id) return;
  const volume = await api.getVolume(options.volume_id);
  const label = describeVolume(volume.id, volume.name);
  if (volume.status !== 'available') {
    throw new AppError('conflict', `Volume ${label} is ${volume.status}; Cinder restores only into an available volume (detached, not busy).`, 'Detach it from its server or wait until it is available, then try again.');
  }
  if (typeof backup.size === 'number' && typeof volume.size === 'number' && volume.size < backup.size) {
    throw new AppError('validation', `Volume ${label} holds ${reportedGib(volume.size)}, smaller than backup ${backupId} (${reportedGib(backup.size)}).`, 'Restore to a new volume, or extend this one first.');
  }
}

export async function restoreBackup(timing: CinderTiming, ctx: ProviderContext, backupId: string, op: OperationContext, raw?: RawOptions): Promise<OperationOutcome> {
  const options = parseOptions(restoreOptionsSchema, raw, 'Restore options');
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.progress({ stage: 'Signing in to OpenStack' });
  const api = await openCinder(ctx, op.signal);
  await precheck(api, backupId, options);
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  op.setBackupId(backupId);
  op.progress({ stage: options.target === 'existing' ? `Asking Cinder to restore backup ${backupId} over volume ${options.volume_id}` : `Asking Cinder to restore backup ${backupId} to a new volume` });
  const startedAt = Date.now();
  const target = options.target === 'existing' ? { volume_id: options.volume_id } : options.name ? { name: options.name } : null;
  const restore = await api.restore(backupId, target);
  op.setRemoteRef(remoteRefFor({ op: 'restore', backupId, volumeId: restore.volume_id }));
  ctx.log.child({ provider: 'cinder', operation: 'restore' }).info('Restore started', { backupId, volumeId: restore.volume_id });
  return followRestore({ api, timing, op, backupId, volumeId: restore.volume_id, volumeName: restore.volume_name ?? undefined, startedAt });
}
