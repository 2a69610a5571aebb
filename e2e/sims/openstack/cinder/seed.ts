import showV30 from '../golden/cinder/backups/backup-show-response.json' with { type: 'json' };
import listV30 from '../golden/cinder/backups/backups-list-detailed-response.json' with { type: 'json' };
import showV318 from '../golden/cinder/backups/v3.18/backup-show-response.json' with { type: 'json' };
import listV318 from '../golden/cinder/backups/v3.18/backups-list-detailed-response.json' with { type: 'json' };
import showV343 from '../golden/cinder/backups/v3.43/backup-show-response.json' with { type: 'json' };
import listV343 from '../golden/cinder/backups/v3.43/backups-list-detailed-response.json' with { type: 'json' };
import showV345 from '../golden/cinder/backups/v3.45/backup-show-response.json' with { type: 'json' };
import listV345 from '../golden/cinder/backups/v3.45/backups-list-detailed-response.json' with { type: 'json' };
import showV356 from '../golden/cinder/backups/v3.56/backup-show-response.json' with { type: 'json' };
import listV356 from '../golden/cinder/backups/v3.56/backups-list-detailed-response.json' with { type: 'json' };
import showV39 from '../golden/cinder/backups/v3.9/backup-show-response.json' with { type: 'json' };
import listV39 from '../golden/cinder/backups/v3.9/backups-list-detailed-response.json' with { type: 'json' };
import { uuidFrom, zonelessMicros } from '../ids';
import { projects, users } from '../keystone/identity-data';
import type { BackupRecord, SnapshotRecord, VolumeRecord } from './model';
import { storedBackup } from './stored-backup';

interface SampleBackup {
  id: string;
  name: string;
  description: string | null;
  size: number;
  volume_id: string;
  created_at: string;
  updated_at: string;
  data_timestamp: string;
}

const samples: SampleBackup[] = [showV30.backup, showV39.backup, showV318.backup, showV343.backup, showV345.backup, showV356.backup]
  .concat([listV30, listV39, listV318, listV343, listV345, listV356].map((list) => list.backups[0]));

/** The user id the published samples carry; not a Keystone user here, like a user deleted since. */
const SAMPLE_USER_ID = 'c853ca26-e8ea-4797-8a52-ee124a013d0e';
const DAY = 24 * 3600 * 1000;

const volumeShapes: Array<Pick<VolumeRecord, 'name' | 'status' | 'size' | 'bootable' | 'encrypted' | 'volumeType'> & { project: 'admin' | 'demo' }> = [
  { project: 'admin', name: 'db-data', status: 'available', size: 20, bootable: false, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'admin', name: 'web-root', status: 'in-use', size: 10, bootable: true, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'admin', name: 'scratch', status: 'available', size: 5, bootable: false, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'admin', name: 'broken', status: 'error', size: 8, bootable: false, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'admin', name: 'restore-target', status: 'available', size: 40, bootable: false, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'admin', name: 'secrets', status: 'available', size: 10, bootable: false, encrypted: true, volumeType: 'LUKS' },
  { project: 'demo', name: 'demo-data', status: 'available', size: 10, bootable: false, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'demo', name: 'demo-app', status: 'in-use', size: 15, bootable: true, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'demo', name: 'demo-small', status: 'available', size: 1, bootable: false, encrypted: false, volumeType: 'lvmdriver-1' },
  { project: 'demo', name: 'demo-error', status: 'error', size: 2, bootable: false, encrypted: false, volumeType: 'lvmdriver-1' },
];

/** The published sample backups (admin project, all available), a few volumes per project, and backups of them. */
export function seedWorld(random: () => number, now: number): { backups: BackupRecord[]; volumes: VolumeRecord[]; snapshots: SnapshotRecord[] } {
  const stamp = (at: number) => zonelessMicros(at, Math.floor(random() * 1000));
  const volumes: VolumeRecord[] = volumeShapes.map((shape, i) => {
    const project = projects[shape.project];
    const id = uuidFrom(random);
    const createdAt = stamp(now - (40 - i) * DAY);
    const attachments =
      shape.status === 'in-use'
        ? [{ id, attachment_id: uuidFrom(random), volume_id: id, server_id: uuidFrom(random), host_name: null, device: '/dev/vdb', attached_at: createdAt }]
        : [];
    return {
      id,
      projectId: project.id,
      userId: shape.project === 'demo' ? users.demo.id : users.admin.id,
      name: shape.name,
      description: null,
      status: shape.status,
      size: shape.size,
      availabilityZone: 'nova',
      bootable: shape.bootable,
      attachments,
      createdAt,
      updatedAt: createdAt,
      volumeType: shape.volumeType,
      encrypted: shape.encrypted,
      metadata: {},
      multiattach: false,
    };
  });
  const volume = (name: string) => volumes.find((v) => v.name === name)!;

  const golden: BackupRecord[] = samples.map((s) => ({
    id: s.id,
    projectId: projects.admin.id,
    userId: SAMPLE_USER_ID,
    volumeId: s.volume_id,
    snapshotId: null,
    name: s.name,
    description: s.description,
    status: 'available',
    failReason: null,
    size: s.size,
    objectCount: 0,
    availabilityZone: null,
    container: null,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    dataTimestamp: s.data_timestamp,
    parentId: null,
    metadata: {},
    encryptionKeyId: null,
    service: 'cinder.backup.drivers.swift.SwiftBackupDriver',
  }));

  const own = (name: string, volumeName: string, daysAgo: number, extra: Partial<BackupRecord> = {}): BackupRecord => {
    const v = volume(volumeName);
    return storedBackup(stamp(now - daysAgo * DAY), {
      id: uuidFrom(random),
      projectId: v.projectId,
      userId: v.userId,
      volumeId: v.id,
      name,
      size: v.size,
      objectCount: Math.max(1, Math.round(v.size / 2)),
      encryptionKeyId: v.encrypted ? uuidFrom(random) : null,
      ...extra,
    });
  };
  const dbFull = own('db-data-full', 'db-data', 7, { description: 'weekly full backup', metadata: { schedule: 'weekly' } });
  const seededOwn = [
    dbFull,
    own('db-data-incr', 'db-data', 1, { parentId: dbFull.id, description: 'daily incremental' }),
    own('web-root-nightly', 'web-root', 2),
    own('secrets-backup', 'secrets', 3),
    own('scratch-failed', 'scratch', 4, { status: 'error', failReason: 'Backup driver reported an error: connection to object store timed out.' }),
    own('demo-data-weekly', 'demo-data', 5),
    own('demo-app-daily', 'demo-app', 1, { description: 'nightly, taken while attached' }),
  ];

  const snapshotVolume = volume('db-data');
  const snapshotAt = stamp(now - 2 * DAY);
  const snapshots: SnapshotRecord[] = [
    {
      id: uuidFrom(random),
      projectId: snapshotVolume.projectId,
      userId: snapshotVolume.userId,
      volumeId: snapshotVolume.id,
      name: 'db-data-snap',
      description: null,
      status: 'available',
      size: snapshotVolume.size,
      createdAt: snapshotAt,
      updatedAt: snapshotAt,
      metadata: {},
    },
  ];
  return { backups: [...golden, ...seededOwn], volumes, snapshots };
}
