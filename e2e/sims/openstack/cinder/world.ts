import type { SimServiceEnv } from '../sim-service';
import { uuidFrom, zonelessMicros } from '../ids';
import { projects, users } from '../keystone/identity-data';
import { backupStatuses, type BackupRecord, type BackupStatus, type SnapshotRecord, type VolumeRecord } from './model';
import { seedWorld } from './seed';
import { storedBackup } from './stored-backup';

export interface CinderTimings {
  /** Simulated milliseconds, multiplied by timeScale. */
  createMs: number;
  restoreMs: number;
  deleteMs: number;
  importMs: number;
  /** How long a source volume stays `backing-up` after its backup was force-deleted. */
  releaseAfterCancelMs: number;
  /** How long a chunked driver takes to notice a restore cancel (its next chunk). */
  cancelNoticeMs: number;
}

export const defaultTimings: CinderTimings = { createMs: 5_000, restoreMs: 8_000, deleteMs: 3_000, importMs: 3_000, releaseAfterCancelMs: 3_000, cancelNoticeMs: 500 };

/** Backup drivers built on ChunkedBackupDriver (Swift, NFS, Posix, GCS, GlusterFS) can stop a running operation; Ceph cannot. */
export function isChunkedDriver(service: string): boolean {
  return !/ceph/i.test(service);
}

/** Cinder's state: volumes, snapshots and backups of every project, plus the timers that move statuses. */
export class CinderWorld {
  backupsById = new Map<string, BackupRecord>();
  volumesById = new Map<string, VolumeRecord>();
  snapshotsById = new Map<string, SnapshotRecord>();
  /** Backup id → the volume a running restore writes to. */
  restoreTargets = new Map<string, string>();
  readonly timings: CinderTimings = { ...defaultTimings };
  /** When set, the backup manager fails every delete: the backup ends `error` with this fail_reason (update_backup_error). */
  failDeletesWith: string | null = null;
  private timers = new Map<string, NodeJS.Timeout>();
  private nextTimer = 0;

  constructor(readonly env: SimServiceEnv) {
    this.reset();
  }

  reset(): void {
    this.cancelAll();
    this.restoreTargets.clear();
    this.failDeletesWith = null;
    const seeded = seedWorld(this.env.random, this.env.now());
    this.backupsById = new Map(seeded.backups.map((b) => [b.id, b]));
    this.volumesById = new Map(seeded.volumes.map((v) => [v.id, v]));
    this.snapshotsById = new Map(seeded.snapshots.map((s) => [s.id, s]));
  }

  newId(): string {
    return uuidFrom(this.env.random);
  }

  stamp(at = this.env.now()): string {
    return zonelessMicros(at, Math.floor(this.env.random() * 1000));
  }

  /** Runs `fn` after `simulatedMs` × timeScale. A key lets a later action cancel it (force delete, reset status). */
  schedule(simulatedMs: number, fn: () => void, key = `t${this.nextTimer++}`): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      fn();
    }, Math.max(1, simulatedMs * this.env.timeScale()));
    timer.unref();
    this.timers.set(key, timer);
  }

  cancel(key: string): boolean {
    const timer = this.timers.get(key);
    if (!timer) return false;
    clearTimeout(timer);
    this.timers.delete(key);
    return true;
  }

  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  touchBackup(backup: BackupRecord, status: BackupStatus, failReason?: string | null): void {
    backup.status = status;
    if (failReason !== undefined) backup.failReason = failReason;
    backup.updatedAt = this.stamp();
  }

  touchVolume(volume: VolumeRecord | undefined, status: VolumeRecord['status']): void {
    if (!volume) return;
    volume.status = status;
    volume.updatedAt = this.stamp();
  }

  hasDependents(backupId: string): boolean {
    for (const b of this.backupsById.values()) if (b.parentId === backupId) return true;
    return false;
  }

  // ---- typed control for tests (`sim.cinder`) ----

  backups(projectId?: string): BackupRecord[] {
    return [...this.backupsById.values()].filter((b) => projectId === undefined || b.projectId === projectId).map((b) => structuredClone(b));
  }

  volumes(projectId?: string): VolumeRecord[] {
    return [...this.volumesById.values()].filter((v) => projectId === undefined || v.projectId === projectId).map((v) => structuredClone(v));
  }

  snapshots(projectId?: string): SnapshotRecord[] {
    return [...this.snapshotsById.values()].filter((s) => projectId === undefined || s.projectId === projectId).map((s) => structuredClone(s));
  }

  /** Adds `count` available backups (`bulk-00001`…) with distinct created_at, one second apart, newest last. Default project: admin. */
  seedBackups(count: number, projectId: string = projects.admin.id): BackupRecord[] {
    const volume = [...this.volumesById.values()].find((v) => v.projectId === projectId);
    const start = this.env.now() - (count + 1) * 1000;
    const added: BackupRecord[] = [];
    for (let i = 1; i <= count; i++) {
      const backup = storedBackup(this.stamp(start + i * 1000), {
        id: this.newId(),
        projectId,
        userId: projectId === projects.demo.id ? users.demo.id : users.admin.id,
        volumeId: volume?.id ?? this.newId(),
        name: `bulk-${String(i).padStart(5, '0')}`,
        size: volume?.size ?? 1,
        objectCount: 2,
      });
      this.backupsById.set(backup.id, backup);
      added.push(structuredClone(backup));
    }
    return added;
  }

  setBackupStatus(id: string, status: BackupStatus, failReason?: string): boolean {
    const backup = this.backupsById.get(id);
    if (!backup || !backupStatuses.includes(status)) return false;
    this.touchBackup(backup, status, failReason ?? (status === 'error' ? backup.failReason : null));
    return true;
  }

  /** Which backup driver made it, e.g. 'cinder.backup.drivers.ceph.CephBackupDriver' (not chunked: no cancel). */
  setBackupService(id: string, service: string): boolean {
    const backup = this.backupsById.get(id);
    if (!backup) return false;
    backup.service = service;
    return true;
  }

  addVolume(fields: Partial<VolumeRecord> & { size: number }): VolumeRecord {
    const at = this.stamp();
    const volume: VolumeRecord = {
      id: this.newId(),
      projectId: projects.admin.id,
      userId: users.admin.id,
      name: null,
      description: null,
      status: 'available',
      availabilityZone: 'nova',
      bootable: false,
      attachments: [],
      createdAt: at,
      updatedAt: at,
      volumeType: '__DEFAULT__',
      encrypted: false,
      metadata: {},
      multiattach: false,
      ...fields,
    };
    this.volumesById.set(volume.id, volume);
    return structuredClone(volume);
  }
}
