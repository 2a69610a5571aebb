import { badRequest, CinderFault, type BackupRecord } from './model';
import { findBackup, type Caller } from './backup-operations';
import type { CinderWorld } from './world';

const DRIVER = 'cinder.backup.drivers.swift';
const KNOWN_SERVICES = [DRIVER, 'cinder.backup.drivers.swift.SwiftBackupDriver'];

/** The fields Cinder's Backup.encode_record puts in backup_url (base64 of JSON). */
function encodeRecord(b: BackupRecord): string {
  const record = {
    id: b.id,
    status: b.status,
    size: b.size,
    display_name: b.name,
    display_description: b.description,
    volume_id: b.volumeId,
    user_id: b.userId,
    project_id: b.projectId,
    availability_zone: b.availabilityZone,
    container: b.container,
    service: b.service,
    object_count: b.objectCount,
    parent_id: b.parentId,
    snapshot_id: b.snapshotId,
    data_timestamp: b.dataTimestamp,
    created_at: b.createdAt,
    metadata: b.metadata,
    encryption_key_id: b.encryptionKeyId,
  };
  return Buffer.from(JSON.stringify(record)).toString('base64');
}

export function exportRecord(world: CinderWorld, caller: Caller, id: string): { backup_service: string; backup_url: string } {
  const backup = findBackup(world, caller, id);
  if (backup.status !== 'available') throw badRequest(`Invalid backup: Backup status must be available and not ${backup.status}.`);
  return { backup_service: DRIVER, backup_url: encodeRecord(backup) };
}

function decodeRecord(url: string): Record<string, unknown> {
  try {
    const decoded = JSON.parse(Buffer.from(url, 'base64').toString('utf8')) as unknown;
    if (typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) && typeof (decoded as { id?: unknown }).id === 'string') {
      return decoded as Record<string, unknown>;
    }
  } catch {
    // falls through to the 400 below
  }
  throw badRequest("Invalid backup: Can't parse backup record.");
}

const textOr = (v: unknown, fallback: string | null) => (typeof v === 'string' ? v : fallback);

/** import_record: the backup keeps the id of the record, appears `creating`, then becomes available. */
export function importRecord(world: CinderWorld, caller: Caller, service: string, url: string): BackupRecord {
  if (!KNOWN_SERVICES.includes(service)) throw new CinderFault(503, 'serviceUnavailable', `Service ${service} could not be found.`);
  const record = decodeRecord(url);
  const id = record.id as string;
  if (world.backupsById.has(id)) throw badRequest('Invalid backup: Backup already exists in database.');
  const at = world.stamp();
  const backup: BackupRecord = {
    id,
    projectId: caller.projectId,
    userId: caller.userId,
    volumeId: textOr(record.volume_id, '00000000-0000-0000-0000-000000000000')!,
    snapshotId: textOr(record.snapshot_id, null),
    name: null,
    description: null,
    status: 'creating',
    failReason: null,
    size: typeof record.size === 'number' ? record.size : 0,
    objectCount: typeof record.object_count === 'number' ? record.object_count : 0,
    availabilityZone: textOr(record.availability_zone, null),
    container: textOr(record.container, null),
    createdAt: at,
    updatedAt: at,
    dataTimestamp: textOr(record.data_timestamp, at)!,
    parentId: textOr(record.parent_id, null),
    metadata: {},
    encryptionKeyId: textOr(record.encryption_key_id, null),
    service: textOr(record.service, service)!,
  };
  world.backupsById.set(id, backup);
  world.schedule(
    world.timings.importMs,
    () => {
      backup.name = textOr(record.display_name, null);
      backup.description = textOr(record.display_description, null);
      if (typeof record.metadata === 'object' && record.metadata !== null) backup.metadata = { ...(record.metadata as Record<string, string>) };
      world.touchBackup(backup, 'available');
    },
    `op:${id}`,
  );
  return backup;
}
