import type { FaultSwitchboard } from './faults';
import { SimOperation, type EndStatus, type Phase } from './operation';
import { makeBackup, seedAssets, seedBackups } from './seed-data';
import { readableAgo } from './time';
import { embeddedSchema, type Asset, type Backup, type BackupsStreamedProgress, type PlatformEnum } from './wire';

export interface WorldOptions {
  /** Multiplies every simulated duration: 0.1 = ten times faster. Mutable at run time. */
  timeScale: number;
  version: string;
  deviceName: string;
  platform: PlatformEnum;
  /** A creation or restoration takes this long at timeScale 1. */
  operationMs: number;
  /** How long an ended operation still answers on its /status path (then 404), at timeScale 1. */
  endedStatusRetentionMs: number;
}

export interface LocalDatabase {
  /** 'original', 'restoring:<backup id>' while a restore runs, or 'backup:<backup id>' once one completed. */
  source: string;
  bytes: number;
}

const MiB = 1024 * 1024;
const initialDatabase = (): LocalDatabase => ({ source: 'original', bytes: 212 * MiB });

export type StartResult = { ok: true; operation: SimOperation } | { ok: false; reason: string };

/** Everything Pieces OS and its cloud know, and how running operations move over (scaled) time. */
export class PiecesWorld {
  readonly backups = new Map<string, Backup>();
  assets: Asset[] = [];
  localDatabase = initialDatabase();
  assetBackups: Array<{ assetId: string; at: string }> = [];
  private databaseBeforeRestore: LocalDatabase | undefined;
  private readonly operations: Record<Phase, Map<string, SimOperation>> = { creation: new Map(), restoration: new Map() };
  private readonly progressListeners = new Set<(frame: BackupsStreamedProgress) => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    readonly options: WorldOptions,
    private readonly switchboard: FaultSwitchboard,
    private readonly random: () => number,
  ) {
    this.seed();
  }

  /** Back to the seeded state: running operations vanish without reaching an end. */
  reset(): void {
    this.stopTimers();
    for (const map of Object.values(this.operations)) {
      for (const op of map.values()) op.abandon();
      map.clear();
    }
    this.seed();
    this.broadcast([]);
  }

  close(): void {
    this.stopTimers();
    for (const map of Object.values(this.operations)) for (const op of map.values()) op.abandon();
    this.progressListeners.clear();
  }

  listBackups(): Backup[] {
    return [...this.backups.values()].sort((a, b) => Number(b.timestamp) - Number(a.timestamp)).map((b) => this.present(b));
  }

  getBackup(id: string): Backup | undefined {
    const backup = this.backups.get(id);
    return backup && this.present(backup);
  }

  deleteBackup(id: string): 'deleted' | 'not-found' | 'busy' {
    if (!this.backups.has(id)) return 'not-found';
    if (this.operations.restoration.get(id)?.running) return 'busy';
    this.backups.delete(id);
    return 'deleted';
  }

  running(phase: Phase): SimOperation | undefined {
    return [...this.operations[phase].values()].find((op) => op.running);
  }

  operation(phase: Phase, id: string): SimOperation | undefined {
    return this.operations[phase].get(id);
  }

  startCreation(): StartResult {
    if (this.running('creation')) return { ok: false, reason: 'A backup is already in progress. Wait for it to finish, or cancel it, before starting another.' };
    if (this.running('restoration')) return { ok: false, reason: 'A restore is in progress. A backup cannot start until it finishes.' };
    const backup = makeBackup({
      version: this.options.version,
      timestampSeconds: this.freeTimestamp(),
      bytes: this.localDatabase.bytes,
      deviceName: this.options.deviceName,
      platform: this.options.platform,
    });
    return { ok: true, operation: this.start('creation', backup) };
  }

  startRestoration(id: string): StartResult | undefined {
    const backup = this.backups.get(id);
    if (!backup) return undefined;
    if (this.running('restoration')) return { ok: false, reason: 'A restore is already in progress. Wait for it to finish, or cancel it, before starting another.' };
    if (this.running('creation')) return { ok: false, reason: 'A backup is in progress. A restore cannot start until it finishes.' };
    this.databaseBeforeRestore = { ...this.localDatabase };
    this.localDatabase = { source: `restoring:${id}`, bytes: this.localDatabase.bytes };
    return { ok: true, operation: this.start('restoration', backup) };
  }

  /** True when a running operation with this id was cancelled. */
  cancel(phase: Phase, id: string): boolean {
    const op = this.operations[phase].get(id);
    if (!op?.running) return false;
    this.finish(op, 'CANCELED');
    this.broadcast([op]);
    return true;
  }

  recordAssetBackup(assetIds: string[]): void {
    const at = new Date().toISOString();
    for (const assetId of assetIds) this.assetBackups.push({ assetId, at });
  }

  /** BackupsStreamedProgress: everything running, plus operations that ended on this very step. */
  progressFrame(justEnded: SimOperation[] = []): BackupsStreamedProgress {
    const entries = (phase: Phase) =>
      [...this.operations[phase].values()].filter((op) => op.running || justEnded.includes(op)).map((op) => op.toStreamed(this.present(op.backup)));
    return { schema: embeddedSchema, backups: entries('creation'), restorations: entries('restoration') };
  }

  onProgress(listener: (frame: BackupsStreamedProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  present(backup: Backup): Backup {
    return { ...backup, created: { ...backup.created, readable: readableAgo(backup.created.value) } };
  }

  operationsSnapshot(phase: Phase): Array<{ id: string; status: string; percentage: number }> {
    return [...this.operations[phase].values()].map((op) => ({ id: op.backup.id, status: op.status, percentage: op.percentage }));
  }

  private seed(): void {
    this.backups.clear();
    for (const backup of seedBackups(Date.now(), this.random)) this.backups.set(backup.id, backup);
    this.assets = seedAssets();
    this.localDatabase = initialDatabase();
    this.databaseBeforeRestore = undefined;
    this.assetBackups = [];
  }

  private start(phase: Phase, backup: Backup): SimOperation {
    const failAt = this.switchboard.takeOperationFailure() ? 40 + Math.round(this.random() * 20) : undefined;
    const op = new SimOperation(phase, backup, Date.now(), this.options.operationMs * this.options.timeScale, failAt);
    this.operations[phase].set(backup.id, op);
    this.ensureTicker();
    this.broadcast([]);
    return op;
  }

  private finish(op: SimOperation, status: EndStatus): void {
    op.end(status, Date.now());
    if (op.phase === 'creation' && status === 'COMPLETED') this.backups.set(op.backup.id, op.backup);
    if (op.phase === 'restoration') {
      this.localDatabase = status === 'COMPLETED' ? { source: `backup:${op.backup.id}`, bytes: op.backup.bytes } : (this.databaseBeforeRestore ?? initialDatabase());
      this.databaseBeforeRestore = undefined;
    }
    const forget = setTimeout(() => {
      this.timers.delete(forget);
      if (this.operations[op.phase].get(op.backup.id) === op) this.operations[op.phase].delete(op.backup.id);
    }, this.options.endedStatusRetentionMs * this.options.timeScale);
    forget.unref();
    this.timers.add(forget);
  }

  private ensureTicker(): void {
    if (this.ticker) return;
    const tickMs = Math.min(200, Math.max(10, 200 * this.options.timeScale));
    this.ticker = setInterval(() => this.tick(), tickMs);
    this.ticker.unref();
  }

  private tick(): void {
    const now = Date.now();
    const justEnded: SimOperation[] = [];
    for (const map of Object.values(this.operations)) {
      for (const op of map.values()) {
        const ended = op.advance(now);
        if (ended) {
          this.finish(op, ended);
          justEnded.push(op);
        }
      }
    }
    this.broadcast(justEnded);
    if (!this.running('creation') && !this.running('restoration')) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  private broadcast(justEnded: SimOperation[]): void {
    if (this.progressListeners.size === 0) return;
    const frame = this.progressFrame(justEnded);
    for (const listener of this.progressListeners) listener(frame);
  }

  /** Ids are "version_timestamp" in seconds: two backups in one second must still differ. */
  private freeTimestamp(): number {
    let seconds = Math.floor(Date.now() / 1000);
    const taken = (s: number) => this.backups.has(`${this.options.version}_${s}`) || this.operations.creation.has(`${this.options.version}_${s}`);
    while (taken(seconds)) seconds += 1;
    return seconds;
  }

  private stopTimers(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
