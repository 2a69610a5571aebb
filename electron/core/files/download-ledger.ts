import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { moveAside, readJsonFile, writeFileAtomic } from '../fs/atomic-file';

const entrySchema = z.object({
  path: z.string(),
  bytes: z.number().nonnegative(),
  sha256: z.string(),
  /** The file's modification time right after it was saved: a file changed since is not the download any more. */
  mtimeMs: z.number(),
  endpointId: z.string(),
  endpointName: z.string(),
  endpointKind: z.string(),
  backupId: z.string().optional(),
  savedAt: z.string(),
});
export type SavedDownload = z.infer<typeof entrySchema>;
const ledgerSchema = z.object({ version: z.literal(1), downloads: z.array(entrySchema) });

const KEEP = 500;

export interface UploadCandidate {
  name: string;
  sizeBytes: number;
  /** Known on the desktop; browser mode only has the name and size. */
  path?: string;
}

export interface LedgerMatch {
  entry: SavedDownload;
  matchedBy: 'path' | 'name-and-size';
}

/**
 * Backup Console's own record of the backup files it saved, so an upload can tell the operator
 * whether a file is one this app downloaded (and from where) before anything is sent.
 */
export class DownloadLedger {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private downloads: SavedDownload[],
    private readonly log: Logger,
  ) {}

  static async open(file: string, log: Logger): Promise<DownloadLedger> {
    try {
      const loaded = await readJsonFile(file, ledgerSchema, 'The record of saved downloads');
      return new DownloadLedger(file, loaded?.downloads ?? [], log);
    } catch (error) {
      // Losing this record only weakens a warning; the bytes of the bad file are kept aside.
      const kept = await moveAside(file).catch(() => undefined);
      log.warn('the record of saved downloads was unreadable; starting a new one', { error, keptAs: kept });
      return new DownloadLedger(file, [], log);
    }
  }

  async record(entry: Omit<SavedDownload, 'mtimeMs' | 'savedAt'>, now = new Date()): Promise<void> {
    const mtimeMs = (await stat(entry.path).catch(() => undefined))?.mtimeMs ?? 0;
    this.downloads = [...this.downloads.filter((d) => d.path !== entry.path), { ...entry, mtimeMs, savedAt: now.toISOString() }].slice(-KEEP);
    const snapshot = JSON.stringify({ version: 1, downloads: this.downloads }, null, 1);
    this.writes = this.writes
      .then(() => writeFileAtomic(this.file, snapshot, { mode: 0o600 }))
      .catch((error: unknown) => this.log.warn('could not save the record of downloads', { error }));
    await this.writes;
  }

  /**
   * A path match also needs the same size and modification time, so an edited file is not vouched
   * for. Without a path (browser mode) the name and size must match, which the dialog says plainly.
   */
  async match(candidate: UploadCandidate): Promise<LedgerMatch | undefined> {
    const newestFirst = [...this.downloads].reverse();
    if (candidate.path) {
      const now = await stat(candidate.path).catch(() => undefined);
      const entry = newestFirst.find((d) => d.path === candidate.path && d.bytes === candidate.sizeBytes && now !== undefined && Math.abs(now.mtimeMs - d.mtimeMs) < 1);
      return entry ? { entry, matchedBy: 'path' } : undefined;
    }
    const entry = newestFirst.find((d) => basename(d.path) === candidate.name && d.bytes === candidate.sizeBytes);
    return entry ? { entry, matchedBy: 'name-and-size' } : undefined;
  }

  /** After an upload, the SHA-256 of the bytes sent settles what the name could only suggest. */
  bySha256(sha256: string): SavedDownload | undefined {
    return [...this.downloads].reverse().find((d) => d.sha256 === sha256);
  }
}
