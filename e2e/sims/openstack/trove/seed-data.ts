import { datastoreVersions, flavors } from './catalog';
import { stableUuid } from './timeline';
import type { BackupRecord, BackupStatus, BackupStrategyRecord, InstanceRecord, InstanceStatus } from './types';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const [mysql57, mysql80, postgres12] = datastoreVersions;

interface InstanceShape {
  key: string;
  name: string;
  versionId: string;
  flavorId: string;
  volumeSizeGb: number;
  volumeUsedGb: number;
  ageMs: number;
  status: InstanceStatus;
  ip: string;
}

/** Seeded instances; names are what tests and the demo refer to. */
export const seededInstances: InstanceShape[] = [
  { key: 'orders', name: 'orders-db', versionId: mysql57.id, flavorId: flavors[0].id, volumeSizeGb: 5, volumeUsedGb: 0.42, ageMs: 60 * day, status: 'ACTIVE', ip: '10.0.0.11' },
  { key: 'billing', name: 'billing-db', versionId: mysql80.id, flavorId: flavors[1].id, volumeSizeGb: 10, volumeUsedGb: 1.8, ageMs: 40 * day, status: 'ACTIVE', ip: '10.0.0.12' },
  { key: 'analytics', name: 'analytics-pg', versionId: postgres12.id, flavorId: flavors[2].id, volumeSizeGb: 20, volumeUsedGb: 3.1, ageMs: 30 * day, status: 'ACTIVE', ip: '10.0.0.13' },
  { key: 'legacy', name: 'legacy-db', versionId: mysql57.id, flavorId: flavors[0].id, volumeSizeGb: 5, volumeUsedGb: 0.35, ageMs: 120 * day, status: 'ERROR', ip: '10.0.0.14' },
];

interface BackupShape {
  key: string;
  instance: string;
  name: string;
  description: string | null;
  parent: string | null;
  sizeGb: number;
  ageMs: number;
  status: BackupStatus;
}

/**
 * Names, descriptions and sizes of the first three come from the published api-ref samples. The orders-db chain
 * (snapshot <- Incremental Snapshot <- orders-incr-2) shows that deleting a backup removes its incrementals.
 */
export const seededBackups: BackupShape[] = [
  { key: 'snapshot', instance: 'orders', name: 'snapshot', description: 'My Backup', parent: null, sizeGb: 0.14, ageMs: 14 * day, status: 'COMPLETED' },
  { key: 'incr1', instance: 'orders', name: 'Incremental Snapshot', description: 'My Incremental Backup', parent: 'snapshot', sizeGb: 0.14, ageMs: 13 * day, status: 'COMPLETED' },
  { key: 'incr2', instance: 'orders', name: 'orders-incr-2', description: null, parent: 'incr1', sizeGb: 0.05, ageMs: 12 * day, status: 'COMPLETED' },
  { key: 'nightly', instance: 'orders', name: 'orders-nightly', description: 'Nightly full backup', parent: null, sizeGb: 0.41, ageMs: 1 * day, status: 'COMPLETED' },
  { key: 'nightlyIncr', instance: 'orders', name: 'orders-nightly-incr', description: null, parent: 'nightly', sizeGb: 0.03, ageMs: 6 * hour, status: 'COMPLETED' },
  { key: 'billingFull', instance: 'billing', name: 'backup-full', description: null, parent: null, sizeGb: 0.12, ageMs: 20 * day, status: 'COMPLETED' },
  { key: 'billingFailed', instance: 'billing', name: 'billing-pre-migration', description: 'Before the 8.0 schema migration', parent: null, sizeGb: 0, ageMs: 10 * day, status: 'FAILED' },
  { key: 'billingWeekly', instance: 'billing', name: 'billing-weekly', description: 'Weekly full backup', parent: null, sizeGb: 1.62, ageMs: 3 * day, status: 'COMPLETED' },
  { key: 'analyticsFull', instance: 'analytics', name: 'analytics-full', description: null, parent: null, sizeGb: 2.75, ageMs: 5 * day, status: 'COMPLETED' },
  { key: 'legacyFinal', instance: 'legacy', name: 'legacy-final', description: 'Last backup before the instance failed', parent: null, sizeGb: 0.33, ageMs: 95 * day, status: 'COMPLETED' },
];

export const seededInstanceId = (projectId: string, key: string) => stableUuid(`trove:${projectId}:instance:${key}`);
export const seededBackupId = (projectId: string, key: string) => stableUuid(`trove:${projectId}:backup:${key}`);

export interface ProjectSeed {
  instances: InstanceRecord[];
  backups: BackupRecord[];
  strategies: BackupStrategyRecord[];
}

/** A finished backup's steps: NEW at creation, its end status a couple of minutes later. */
export function endedBackupSteps(createdAt: number, status: BackupStatus, durationMs = 2 * minute) {
  return [
    { at: createdAt, status: 'NEW' as const },
    { at: createdAt + durationMs, status },
  ];
}

export function seedProject(projectId: string, now: number): ProjectSeed {
  const versionOf = (key: string) => seededInstances.find((i) => i.key === key)?.versionId ?? mysql57.id;
  const instances = seededInstances.map((shape): InstanceRecord => {
    const createdAt = now - shape.ageMs;
    return {
      id: seededInstanceId(projectId, shape.key),
      projectId,
      name: shape.name,
      flavorId: shape.flavorId,
      volumeSizeGb: shape.volumeSizeGb,
      volumeUsedGb: shape.volumeUsedGb,
      datastoreVersionId: shape.versionId,
      createdAt,
      steps: [{ at: createdAt, status: shape.status }],
      region: 'RegionOne',
      ips: [shape.ip],
      restoredFrom: null,
    };
  });
  const backups = seededBackups.map((shape): BackupRecord => {
    const createdAt = now - shape.ageMs;
    return {
      id: seededBackupId(projectId, shape.key),
      projectId,
      name: shape.name,
      description: shape.description,
      instanceId: seededInstanceId(projectId, shape.instance),
      parentId: shape.parent && seededBackupId(projectId, shape.parent),
      datastoreVersionId: versionOf(shape.instance),
      createdAt,
      steps: endedBackupSteps(createdAt, shape.status),
      finalSizeGb: shape.sizeGb,
      swiftContainer: null,
    };
  });
  const strategies: BackupStrategyRecord[] = [
    { projectId, instanceId: seededInstanceId(projectId, 'analytics'), backend: 'swift', swiftContainer: 'analytics_backups' },
  ];
  return { instances, backups, strategies };
}
