import type { SimServiceEnv } from '../sim-service';
import { datastoreOfVersion } from './catalog';
import { defaultTroveFaults, type TroveFaults } from './faults';
import { endedBackupSteps, seedProject } from './seed-data';
import { currentStep, randomUuid } from './timeline';
import { runningBackupStates, type BackupRecord, type BackupStatus, type BackupStrategyRecord, type InstanceRecord, type InstanceStatus, type TroveBackup } from './types';
import { backupView, strategyView } from './views';

export interface TroveInstanceSummary {
  id: string;
  projectId: string;
  name: string;
  /** As the API shows it: BACKUP while one of its backups runs. */
  status: InstanceStatus;
  datastore: { type: string; version: string };
  flavorId: string;
  volumeSizeGb: number;
  /** The backup a restore started from; null for seeded instances. */
  restoredFrom: string | null;
}

export interface SeedBackupsOptions {
  /** Default: the project's first ACTIVE instance. */
  instanceId?: string;
  /** Drop the project's other backups first, so the count is exact. */
  replace?: boolean;
}

const byUpdatedDesc = (now: number) => (a: BackupRecord, b: BackupRecord) =>
  currentStep(b.steps, now).at - currentStep(a.steps, now).at || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1);

/**
 * Everything Trove knows, for every project. Projects are seeded on first use (their ids come from the shared server's
 * Keystone). Statuses follow each record's steps, read against env.now(), so nothing needs a timer.
 */
export class TroveWorld {
  readonly faults: TroveFaults = defaultTroveFaults();
  private readonly backupsById = new Map<string, BackupRecord>();
  private readonly instancesById = new Map<string, InstanceRecord>();
  private strategyRecords: BackupStrategyRecord[] = [];
  private readonly seeded = new Set<string>();

  constructor(readonly env: SimServiceEnv) {}

  now(): number {
    return this.env.now();
  }

  ensureProject(projectId: string): void {
    if (this.seeded.has(projectId)) return;
    this.seeded.add(projectId);
    const seed = seedProject(projectId, this.now());
    for (const instance of seed.instances) this.instancesById.set(instance.id, instance);
    for (const backup of seed.backups) this.backupsById.set(backup.id, backup);
    this.strategyRecords.push(...seed.strategies);
  }

  projects(): string[] {
    return [...this.seeded];
  }

  /** Seeded data again (re-seeded per project on next use) with every fault off. */
  reset(): void {
    this.backupsById.clear();
    this.instancesById.clear();
    this.strategyRecords = [];
    this.seeded.clear();
    Object.assign(this.faults, defaultTroveFaults());
  }

  backupRecord(id: string): BackupRecord | undefined {
    return this.backupsById.get(id);
  }

  /** Newest `updated` first, as Backup._paginate orders them. */
  backupRecords(filter: { projectId?: string; instanceId?: string; datastoreId?: string } = {}): BackupRecord[] {
    return [...this.backupsById.values()]
      .filter((b) => filter.projectId === undefined || b.projectId === filter.projectId)
      .filter((b) => filter.instanceId === undefined || b.instanceId === filter.instanceId)
      .filter((b) => filter.datastoreId === undefined || datastoreOfVersion(b.datastoreVersionId).datastore.id === filter.datastoreId)
      .sort(byUpdatedDesc(this.now()));
  }

  putBackup(record: BackupRecord): void {
    this.backupsById.set(record.id, record);
  }

  /** Its `updated` becomes now (same status), so it moves to the front of the list. */
  touchBackup(id: string): void {
    const record = this.backupsById.get(id);
    if (record) record.steps = [...record.steps, { at: this.now(), status: this.backupStatus(record) }];
  }

  removeBackup(id: string): void {
    this.backupsById.delete(id);
  }

  backupStatus(record: BackupRecord): BackupStatus {
    return currentStep(record.steps, this.now()).status;
  }

  runningBackup(instanceId: string): BackupRecord | undefined {
    return this.backupRecords({ instanceId }).find((b) => runningBackupStates.includes(this.backupStatus(b)));
  }

  instanceRecord(id: string): InstanceRecord | undefined {
    return this.instancesById.get(id);
  }

  instanceRecords(projectId?: string): InstanceRecord[] {
    return [...this.instancesById.values()].filter((i) => projectId === undefined || i.projectId === projectId).sort((a, b) => a.createdAt - b.createdAt);
  }

  putInstance(record: InstanceRecord): void {
    this.instancesById.set(record.id, record);
  }

  removeInstance(id: string): void {
    this.instancesById.delete(id);
  }

  /** The Nova server status, before any running backup is considered. */
  serverStatus(record: InstanceRecord): InstanceStatus {
    return currentStep(record.steps, this.now()).status;
  }

  /** SimpleInstance.status: building and errors first, then a running backup, then the server. */
  instanceStatus(record: InstanceRecord): InstanceStatus {
    const server = this.serverStatus(record);
    if (server === 'BUILD' || server === 'ERROR') return server;
    return this.runningBackup(record.id) ? 'BACKUP' : server;
  }

  strategies(projectId: string, instanceId?: string): BackupStrategyRecord[] {
    return this.strategyRecords.filter((s) => s.projectId === projectId && (instanceId === undefined || s.instanceId === instanceId));
  }

  /** One strategy per project and instance ('' = project-wide): creating again replaces it. */
  putStrategy(record: BackupStrategyRecord): void {
    this.strategyRecords = [...this.strategyRecords.filter((s) => s.projectId !== record.projectId || s.instanceId !== record.instanceId), record];
  }

  removeStrategies(projectId: string, instanceId: string): void {
    this.strategyRecords = this.strategyRecords.filter((s) => s.projectId !== projectId || s.instanceId !== instanceId);
  }

  // ---- typed control for tests ----

  backups(projectId?: string): TroveBackup[] {
    if (projectId !== undefined) this.ensureProject(projectId);
    return this.backupRecords({ projectId }).map((b) => backupView(b, this.now()));
  }

  instances(projectId?: string): TroveInstanceSummary[] {
    if (projectId !== undefined) this.ensureProject(projectId);
    return this.instanceRecords(projectId).map((i) => {
      const { datastore, version } = datastoreOfVersion(i.datastoreVersionId);
      return {
        id: i.id,
        projectId: i.projectId,
        name: i.name,
        status: this.instanceStatus(i),
        datastore: { type: datastore.name, version: version.name },
        flavorId: i.flavorId,
        volumeSizeGb: i.volumeSizeGb,
        restoredFrom: i.restoredFrom,
      };
    });
  }

  /** Adds `count` COMPLETED full backups, one minute apart, the newest an hour old. */
  seedBackups(count: number, projectId: string, options: SeedBackupsOptions = {}): TroveBackup[] {
    this.ensureProject(projectId);
    const instance = options.instanceId
      ? this.instanceRecord(options.instanceId)
      : this.instanceRecords(projectId).find((i) => this.serverStatus(i) === 'ACTIVE');
    if (!instance || instance.projectId !== projectId) throw new Error(`No instance to seed backups on in project ${projectId}`);
    if (options.replace) for (const b of this.backupRecords({ projectId })) this.removeBackup(b.id);
    const now = this.now();
    const added: BackupRecord[] = [];
    for (let i = 0; i < count; i += 1) {
      const createdAt = now - 60 * 60_000 - i * 60_000 - 2 * 60_000;
      const record: BackupRecord = {
        id: randomUuid(this.env.random),
        projectId,
        name: `bulk-backup-${String(i + 1).padStart(3, '0')}`,
        description: null,
        instanceId: instance.id,
        parentId: null,
        datastoreVersionId: instance.datastoreVersionId,
        createdAt,
        steps: endedBackupSteps(createdAt, 'COMPLETED'),
        finalSizeGb: Math.round((0.1 + this.env.random() * 2) * 100) / 100,
        swiftContainer: null,
      };
      this.putBackup(record);
      added.push(record);
    }
    return added.map((b) => backupView(b, now));
  }

  /** From now on the instance's server is in `status` (ACTIVE, ERROR, ...). False when there is no such instance. */
  setInstanceStatus(id: string, status: InstanceStatus): boolean {
    const instance = this.instanceRecord(id);
    if (!instance) return false;
    const now = this.now();
    instance.steps = [...instance.steps.filter((s) => s.at <= now), { at: now, status }];
    return true;
  }

  state() {
    return {
      projects: this.projects(),
      backups: this.backups(),
      instances: this.instances(),
      strategies: this.strategyRecords.map(strategyView),
      faults: { ...this.faults },
    };
  }
}
