import type { OpenStackFaults } from '../faults';
import { truthy } from './body-schemas';
import { badRequest, CinderFault, notFound, type BackupRecord, type VolumeRecord } from './model';
import { isChunkedDriver, type CinderWorld } from './world';

export type CinderFaultView = Pick<OpenStackFaults, 'cinderCreateFails' | 'cinderRestoreFails' | 'forceDeleteUnsupported' | 'quotaExceeded'>;

export interface Caller {
  projectId: string;
  userId: string;
  isAdmin: boolean;
}

const overLimit = (message: string) => new CinderFault(413, 'overLimit', message);
const visible = (caller: Caller, projectId: string) => caller.isAdmin || caller.projectId === projectId;

export function findBackup(world: CinderWorld, caller: Caller, id: string): BackupRecord {
  const backup = world.backupsById.get(id);
  if (!backup || !visible(caller, backup.projectId)) throw notFound(`Backup ${id} could not be found.`);
  return backup;
}

export function findVolume(world: CinderWorld, caller: Caller, id: string): VolumeRecord {
  const volume = world.volumesById.get(id);
  if (!volume || !visible(caller, volume.projectId)) throw notFound(`Volume ${id} could not be found.`);
  return volume;
}

export interface CreateFields {
  volume_id: string;
  name?: string | null;
  description?: string | null;
  container?: string | null;
  incremental?: unknown;
  force?: unknown;
  snapshot_id?: string | null;
  metadata?: Record<string, string>;
  availability_zone?: string | null;
}

/** cinder/backup/api.py create, then the manager moving it creating → available (or error). */
export function createBackup(world: CinderWorld, faults: CinderFaultView, caller: Caller, fields: CreateFields): BackupRecord {
  const volume = findVolume(world, caller, fields.volume_id);
  if (volume.status !== 'available' && volume.status !== 'in-use') {
    throw badRequest(`Invalid volume: Volume to be backed up must be available or in-use, but the current status is "${volume.status}".`);
  }
  if (volume.status === 'in-use' && !truthy(fields.force)) throw badRequest('Invalid volume: Backing up an in-use volume must use the force flag.');
  if (fields.snapshot_id) {
    const snapshot = world.snapshotsById.get(fields.snapshot_id);
    if (!snapshot || !visible(caller, snapshot.projectId)) throw notFound(`Snapshot ${fields.snapshot_id} could not be found.`);
    if (snapshot.status !== 'available') throw badRequest(`Invalid snapshot: Snapshot to be backed up must be available, but the current status is "${snapshot.status}".`);
  }
  let parentId: string | null = null;
  if (truthy(fields.incremental)) {
    const parent = [...world.backupsById.values()]
      .filter((b) => b.volumeId === volume.id && b.status === 'available')
      .sort((a, b) => (a.dataTimestamp < b.dataTimestamp ? 1 : -1))[0];
    if (!parent) throw badRequest('Invalid backup: No backups available to do an incremental backup.');
    parentId = parent.id;
  }
  if (faults.quotaExceeded) throw overLimit('Maximum number of backups allowed (10) exceeded');

  const at = world.stamp();
  const backup: BackupRecord = {
    id: world.newId(),
    projectId: volume.projectId,
    userId: caller.userId,
    volumeId: volume.id,
    snapshotId: fields.snapshot_id ?? null,
    name: fields.name ?? null,
    description: fields.description ?? null,
    status: 'creating',
    failReason: null,
    size: volume.size,
    objectCount: 0,
    availabilityZone: fields.availability_zone ?? volume.availabilityZone,
    container: fields.container ?? null,
    createdAt: at,
    updatedAt: at,
    dataTimestamp: at,
    parentId,
    metadata: { ...(fields.metadata ?? {}) },
    encryptionKeyId: volume.encrypted ? world.newId() : null,
    service: 'cinder.backup.drivers.swift.SwiftBackupDriver',
  };
  world.backupsById.set(backup.id, backup);
  const previousStatus = volume.status;
  world.touchVolume(volume, 'backing-up');
  const failReason = faults.cinderCreateFails;
  world.schedule(
    world.timings.createMs,
    () => {
      world.touchVolume(volume, previousStatus);
      if (failReason) return world.touchBackup(backup, 'error', failReason);
      backup.objectCount = Math.max(1, Math.round(backup.size / 2));
      backup.container ??= 'volumebackups';
      world.touchBackup(backup, 'available');
    },
    `op:${backup.id}`,
  );
  return backup;
}

export function deleteBackup(world: CinderWorld, caller: Caller, id: string, force = false): void {
  const backup = findBackup(world, caller, id);
  if (!force && backup.status !== 'available' && backup.status !== 'error') throw badRequest('Invalid backup: Backup status must be available or error');
  if (world.hasDependents(backup.id)) throw badRequest('Invalid backup: Incremental backups exist for this backup.');
  if (force && backup.status === 'creating') {
    // Cancelling a running create: the backup is gone at once, the volume is released a little later.
    world.cancel(`op:${backup.id}`);
    world.backupsById.delete(backup.id);
    const volume = world.volumesById.get(backup.volumeId);
    world.schedule(world.timings.releaseAfterCancelMs, () => world.touchVolume(volume, volume?.attachments.length ? 'in-use' : 'available'));
    return;
  }
  world.cancel(`op:${backup.id}`);
  world.touchBackup(backup, 'deleting');
  const failReason = world.failDeletesWith;
  // manager.py delete_backup: a driver failure goes through update_backup_error, whose default status is `error`.
  world.schedule(world.timings.deleteMs, () => (failReason ? world.touchBackup(backup, 'error', failReason) : world.backupsById.delete(backup.id)), `op:${backup.id}`);
}

export interface RestoreResult {
  backup_id: string;
  volume_id: string;
  volume_name: string | null;
}

/** cinder/backup/api.py restore: to an existing available volume at least as large, or to a new one. */
export function restoreBackup(world: CinderWorld, faults: CinderFaultView, caller: Caller, id: string, target: { volume_id?: string | null; name?: string | null } | null): RestoreResult {
  const backup = findBackup(world, caller, id);
  if (backup.status !== 'available') throw badRequest('Invalid backup: Backup status must be available');
  let volume: VolumeRecord;
  if (target?.volume_id) {
    volume = findVolume(world, caller, target.volume_id);
    if (volume.status !== 'available') throw badRequest('Invalid volume: Volume to be restored to must be available');
    if (volume.size < backup.size) throw badRequest(`Invalid volume: volume size ${volume.size} is too small to restore backup of size ${backup.size}.`);
    if (faults.quotaExceeded) throw overLimit('Maximum number of backups allowed (10) exceeded');
  } else {
    if (faults.quotaExceeded) {
      throw overLimit(`VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested ${backup.size}G, quota is 1000G and 1000G has been consumed.`);
    }
    volume = world.volumesById.get(world.addVolume({ projectId: caller.projectId, userId: caller.userId, size: backup.size, name: target?.name ?? `restore_backup_${backup.id}` }).id)!;
  }
  world.touchBackup(backup, 'restoring');
  world.touchVolume(volume, 'restoring-backup');
  world.restoreTargets.set(backup.id, volume.id);
  const fails = faults.cinderRestoreFails;
  world.schedule(
    world.timings.restoreMs,
    () => {
      world.restoreTargets.delete(backup.id);
      world.touchBackup(backup, 'available');
      world.touchVolume(volume, fails ? 'error_restoring' : 'available');
    },
    `op:${backup.id}`,
  );
  return { backup_id: backup.id, volume_id: volume.id, volume_name: volume.name };
}

/**
 * os-reset_status: only available or error. A running restore is cancelled only by a chunked driver,
 * at its next chunk: manager.py restore_backup then marks the volume `error` and the backup
 * `available`. Ceph never looks, so its restore runs to the end.
 */
export function resetStatus(world: CinderWorld, caller: Caller, id: string, status: string): void {
  const backup = findBackup(world, caller, id);
  if (status !== 'available' && status !== 'error') throw badRequest(`Invalid backup: The backup status ${status} is invalid.`);
  const previous = backup.status;
  world.touchBackup(backup, status);
  if (previous === 'restoring' && isChunkedDriver(backup.service)) {
    const volume = world.volumesById.get(world.restoreTargets.get(backup.id) ?? '');
    world.schedule(
      world.timings.cancelNoticeMs,
      () => {
        world.restoreTargets.delete(backup.id);
        world.touchVolume(volume, 'error');
        world.touchBackup(backup, 'available');
      },
      `op:${backup.id}`,
    );
  }
  if (previous === 'creating') {
    world.cancel(`op:${backup.id}`);
    const volume = world.volumesById.get(backup.volumeId);
    if (volume?.status === 'backing-up') world.touchVolume(volume, volume.attachments.length ? 'in-use' : 'available');
  }
}
