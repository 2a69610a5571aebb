import { archiveChecksum, archiveSeed } from './archive';
import { fakeCaPrivateKeyPem } from './pki';
import { codes, RpcError } from './rpc-errors';
import type { BackupMetadata, DownloadRecord, RestoreStatus } from './types';
import type { VersionProfile } from './versions';

export interface StoredArchive {
  meta: BackupMetadata;
  seed: number;
}

export interface BackupStoreContext {
  profile: VersionProfile;
  controllerUuid: string;
  controllerModelUuid: string;
  caPem: string;
  archiveBytes: number;
  /** Simulated Create duration: the gap between `started` and `finished`. */
  createMs: number;
}

/** Where the archives are written on the controller (backup-dir defaults to the temp dir). */
export const backupDir = '/tmp';
const zeroTime = '0001-01-01T00:00:00Z';

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The controller's backups: stored ones (2.x keep-copy), archives waiting for their one-shot download, restore status. */
export class BackupStore {
  private stored = new Map<string, StoredArchive>();
  private files = new Map<string, StoredArchive>();
  created: BackupMetadata[] = [];
  downloads: DownloadRecord[] = [];
  restores: Array<{ backupId: string; at: string }> = [];
  restoreStatus: RestoreStatus = 'NOT-RESTORING';
  private lastStartedMs = 0;
  /** User passwords as they were when each backup was made: a restore brings them back. */
  private passwordsAtBackup = new Map<string, Record<string, string>>();

  constructor(private readonly ctx: BackupStoreContext) {}

  /**
   * Metadata of a finished Create. `keepCopy` also stores it in the database (2.x); `keepFile` leaves the
   * archive in backup-dir for a download by filename (2.x with no-download false; always on 3.x).
   */
  add(notes: string, keepCopy: boolean, keepFile: boolean, passwords: Record<string, string> = {}): BackupMetadata {
    const { profile, controllerModelUuid } = this.ctx;
    // Ids and filenames are per second: two backups never share one.
    const startedMs = Math.max(Math.floor(Date.now() / 1000) * 1000, this.lastStartedMs + 1000);
    this.lastStartedMs = startedMs;
    const started = new Date(startedMs);
    const finished = new Date(startedMs + this.ctx.createMs);
    const id = `${stamp(started)}.${controllerModelUuid}`;
    const seed = archiveSeed(id);
    const instance = `juju-${controllerModelUuid.slice(-6)}-0`;
    const meta: BackupMetadata = {
      id,
      checksum: archiveChecksum(seed, this.ctx.archiveBytes),
      'checksum-format': 'SHA-1, base64 encoded',
      size: this.ctx.archiveBytes,
      stored: keepCopy ? rfc3339(finished) : zeroTime,
      started: rfc3339(started),
      finished: rfc3339(finished),
      notes,
      model: controllerModelUuid,
      machine: '0',
      hostname: instance,
      version: profile.version,
      [profile.osField.key]: profile.osField.value,
      filename: `${backupDir}/juju-backup-${stamp(started)}.tar.gz`,
      'format-version': 1,
      'controller-uuid': this.ctx.controllerUuid,
      'controller-machine-id': '0',
      'controller-machine-inst-id': instance,
      'ha-nodes': 1,
    };
    if (profile.withCaInMetadata) {
      meta['ca-cert'] = this.ctx.caPem;
      meta['ca-private-key'] = fakeCaPrivateKeyPem(seed.toString(16));
    }
    const archive = { meta, seed };
    if (keepCopy) this.stored.set(id, archive);
    if (keepFile) this.files.set(meta.filename, archive);
    this.passwordsAtBackup.set(id, { ...passwords });
    this.created.push(meta);
    return meta;
  }

  list(): BackupMetadata[] {
    return [...this.stored.values()].map((a) => a.meta);
  }

  pendingFiles(): string[] {
    return [...this.files.keys()];
  }

  info(id: string): BackupMetadata {
    const found = this.stored.get(id);
    if (!found) throw new RpcError(`backup metadata "${id}" not found`, codes.notFound);
    return found.meta;
  }

  remove(id: string): void {
    this.info(id);
    this.stored.delete(id);
  }

  /**
   * What GET /backups serves for `id`: a stored backup by id (2.x, repeatable), or an archive file by its
   * absolute filename, which is deleted after one complete download.
   */
  forDownload(id: string): { archive: StoredArchive; oneShot: boolean } {
    const byId = this.ctx.profile.major < 3 ? this.stored.get(id) : undefined;
    if (byId) return { archive: byId, oneShot: false };
    if (this.ctx.profile.major >= 3 && !(id.startsWith(`${backupDir}/`) && id.slice(backupDir.length + 1).startsWith('juju-backup-'))) {
      throw new RpcError(`backup file "${id}" not valid`, codes.notValid);
    }
    const file = this.files.get(id);
    if (file) return { archive: file, oneShot: true };
    if (this.ctx.profile.major >= 3) throw new RpcError(`backup file "${id}" not found`, codes.notFound);
    throw new RpcError(`backup metadata "${id}" not found`, codes.notFound);
  }

  passwordsAt(backupId: string): Record<string, string> {
    return this.passwordsAtBackup.get(backupId) ?? {};
  }

  consumeFile(filename: string): void {
    this.files.delete(filename);
  }

  reset(): void {
    this.stored.clear();
    this.files.clear();
    this.passwordsAtBackup.clear();
    this.created = [];
    this.downloads = [];
    this.restores = [];
    this.restoreStatus = 'NOT-RESTORING';
  }
}
