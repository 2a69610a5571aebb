import { mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBackupArchive, type ArchiveMeta } from './archive';
import type { DeviceInfo } from './device';
import { limitReached, notFound, notReady } from './errors';
import { takeOneShot } from './faults';
import type { Timers } from './timers';
import type { ApplianceFaults, WireBackup } from './types';

/** Simulated durations (× timeScale): a create runs 5 s, an upload settles 2 s after its last byte. */
export const CREATE_MS = 5_000;
export const UPLOAD_SETTLE_MS = 2_000;

export interface StoredBackup {
  wire: WireBackup;
  /** The .tgz on disk, once there is one. */
  path?: string;
  /** Seeded files are shared with reset(): deleting the backup only unlists them. */
  seeded: boolean;
}

export interface BackupStoreOptions {
  dataDir: string;
  device: DeviceInfo;
  timers: Timers;
  faults: ApplianceFaults;
  random: () => number;
  seed: number;
  timeScale: number;
  backupLimit: number;
  seededBackups: number;
  seededBackupBytes: number;
}

const seedDescriptions = ['Nightly configuration backup', 'Before upgrade to 11.13.0', 'Weekly full backup', 'Pre-maintenance snapshot'];
const nowS = () => Math.floor(Date.now() / 1000);

/** The backups the appliance holds, their files under dataDir, and the create/upload life cycles. */
export class BackupStore {
  private items = new Map<string, StoredBackup>();
  private seeds: StoredBackup[] = [];
  private nextId: number;
  /** Uploads under way hold a slot, so two parallel uploads cannot pass the limit. */
  private reservedSlots = 0;
  /** Bumped by reset and factory reset: reservations of uploads from before no longer count. */
  private generation = 0;
  readonly backupsDir: string;
  readonly incomingDir: string;
  private readonly seedDir: string;

  constructor(private readonly o: BackupStoreOptions) {
    this.nextId = 1_000 + Math.floor(o.random() * 9_000);
    this.backupsDir = join(o.dataDir, 'backups');
    this.incomingDir = join(o.dataDir, 'incoming');
    this.seedDir = join(o.dataDir, 'seed');
    for (const dir of [this.backupsDir, this.incomingDir, this.seedDir]) mkdirSync(dir, { recursive: true });
  }

  /** Writes the seeded files (once per simulator) and lists them. */
  async prepareSeeds(): Promise<void> {
    const count = Math.max(0, Math.min(this.o.seededBackups, this.o.backupLimit));
    for (let i = 0; i < count; i++) {
      const meta = this.metaNow(seedDescriptions[i % seedDescriptions.length], nowS() - (count - i) * 86_400 - Math.floor(this.o.random() * 3_600));
      const id = this.newId();
      const path = join(this.seedDir, `${id}.tgz`);
      const size = await writeBackupArchive(path, meta, this.o.seededBackupBytes, this.o.seed * 1_000 + i);
      this.seeds.push({ wire: this.wire(id, meta, size, 'completed'), path, seeded: true });
    }
    this.reseed();
  }

  /** reset(): exactly the seeded backups, whatever happened since. */
  reseed(): void {
    this.dropAll();
    for (const s of this.seeds) this.items.set(s.wire.id, { ...s, wire: { ...s.wire } });
  }

  /** Factory reset: no backups at all. */
  wipe(): void {
    this.dropAll();
  }

  list(): WireBackup[] {
    return [...this.items.values()].map((b) => ({ ...b.wire }));
  }

  get(id: string): StoredBackup {
    const found = this.items.get(id);
    if (!found) throw notFound(`Backup ${id}`);
    return found;
  }

  /** Throws 400 unless the backup is completed. */
  completed(id: string): StoredBackup & { path: string } {
    const found = this.get(id);
    if (found.wire.status !== 'completed' || !found.path) throw notReady(id, found.wire.status);
    return found as StoredBackup & { path: string };
  }

  private checkLimit(): void {
    if (this.items.size + this.reservedSlots >= this.o.backupLimit) throw limitReached(this.o.backupLimit);
  }

  /** POST /backups: 'started' now, 'completed' (file written) after 5 s × timeScale, or 'failed' under createFails. */
  create(description: string): WireBackup {
    this.checkLimit();
    const id = this.newId();
    const meta = this.metaNow(description, nowS());
    const entry: StoredBackup = { wire: this.wire(id, meta, 0, 'started'), seeded: false };
    this.items.set(id, entry);
    const failure = takeOneShot(this.o.faults, 'createFails');
    const path = join(this.backupsDir, `${id}.tgz`);
    const bytes = Math.round(this.o.seededBackupBytes * (0.8 + 0.4 * this.o.random()));
    type Outcome = { size: number } | { failed: string };
    const written: Promise<Outcome> =
      failure !== undefined
        ? Promise.resolve({ failed: failure })
        : writeBackupArchive(path, meta, bytes, this.o.seed * 1_000 + Number(id)).then(
            (size) => ({ size }),
            (error: unknown) => ({ failed: `Could not write the backup file: ${String(error)}` }),
          );
    const gone = () => this.items.get(id) !== entry;
    // A reset or factory reset while the file is written: the file is removed once it is complete.
    void written.then((outcome) => {
      if (gone() && 'size' in outcome) void rm(path, { force: true }).catch(() => undefined);
    });
    // Ends when both the simulated duration and the real write are over.
    this.o.timers.later(CREATE_MS * this.o.timeScale, () => {
      void written.then((outcome) => {
        if (gone()) return;
        if ('failed' in outcome) return void Object.assign(entry.wire, { status: 'failed', status_message: outcome.failed });
        entry.path = path;
        Object.assign(entry.wire, { status: 'completed', size: outcome.size });
      });
    });
    return { ...entry.wire };
  }

  /** Holds an upload slot; throws 400 at the limit. Call release() exactly once unless the upload is committed. */
  reserveUpload(): { id: string; partPath: string; release(): void } {
    this.checkLimit();
    this.reservedSlots += 1;
    const id = this.newId();
    const generation = this.generation;
    let held = true;
    return {
      id,
      partPath: join(this.incomingDir, `${id}.part`),
      release: () => {
        if (held && generation === this.generation) this.reservedSlots -= 1;
        held = false;
      },
    };
  }

  /** The whole body arrived: list it 'uploading' (size = bytes received), 'completed' 2 s × timeScale later. */
  async commitUpload(id: string, partPath: string, size: number, meta: ArchiveMeta | undefined): Promise<WireBackup> {
    const path = join(this.backupsDir, `${id}.tgz`);
    await rename(partPath, path);
    const entry: StoredBackup = { wire: this.wire(id, meta ?? this.metaNow('', nowS()), size, 'uploading'), path, seeded: false };
    this.items.set(id, entry);
    this.o.timers.later(UPLOAD_SETTLE_MS * this.o.timeScale, () => {
      if (this.items.get(id) === entry) entry.wire.status = 'completed';
    });
    return { ...entry.wire };
  }

  /** DELETE: 400 while started/uploading. */
  remove(id: string): void {
    const found = this.get(id);
    if (found.wire.status === 'started' || found.wire.status === 'uploading') throw notReady(id, found.wire.status);
    this.items.delete(id);
    if (!found.seeded && found.path) void rm(found.path, { force: true }).catch(() => undefined);
  }

  private dropAll(): void {
    this.generation += 1;
    this.reservedSlots = 0;
    for (const b of this.items.values()) if (!b.seeded && b.path) void rm(b.path, { force: true }).catch(() => undefined);
    this.items.clear();
  }

  private newId(): string {
    return String(this.nextId++);
  }

  private metaNow(description: string, backupTime: number): ArchiveMeta {
    const d = this.o.device;
    return { hostname: d.device_name, model: d.model, serial: d.serial, sw_version: d.sw_version, backup_time: backupTime, description };
  }

  private wire(id: string, meta: ArchiveMeta, size: number, status: WireBackup['status']): WireBackup {
    return {
      backup_time: meta.backup_time,
      description: meta.description,
      hostname: meta.hostname,
      id,
      model: meta.model,
      serial: meta.serial,
      size,
      status,
      status_message: '',
      sw_version: meta.sw_version,
    };
  }
}
