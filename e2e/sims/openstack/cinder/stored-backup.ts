import type { BackupRecord } from './model';

type BackupSource = Pick<BackupRecord, 'id' | 'projectId' | 'userId' | 'volumeId' | 'name' | 'size' | 'objectCount'>;

/** A finished Swift backup made at `at`, as the simulator seeds them; `fields` say whose it is and override any default. */
export function storedBackup(at: string, fields: BackupSource & Partial<BackupRecord>): BackupRecord {
  const { id, projectId, userId, volumeId, name, size, objectCount, ...overrides } = fields;
  return {
    id,
    projectId,
    userId,
    volumeId,
    snapshotId: null,
    name,
    description: null,
    status: 'available',
    failReason: null,
    size,
    objectCount,
    availabilityZone: 'nova',
    container: 'volumebackups',
    createdAt: at,
    updatedAt: at,
    dataTimestamp: at,
    parentId: null,
    metadata: {},
    encryptionKeyId: null,
    service: 'cinder.backup.drivers.swift.SwiftBackupDriver',
    ...overrides,
  };
}
