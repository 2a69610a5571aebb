import type { Stats } from 'node:fs';
import { lstat, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { moveAside, readJsonFile, writeFileAtomic } from '../fs/atomic-file';
import { isPartPath } from './download-sink';

const ledgerSchema = z.object({ version: z.literal(1), parts: z.array(z.string()) });

/** What the sweep at start-up found of the last session's partial files. */
export interface SweepResult {
  removed: string[];
  /** Listed but no longer a regular file of ours (moved, replaced by a folder or link): left alone. */
  skipped: string[];
}

/**
 * The `.part` files being written right now, on disk: a download cut short by a crash, a power cut
 * or a forced quit leaves its partial file behind, and the next start removes exactly those (never
 * anything else in the user's folder). A path is listed before its file is created (when the list
 * can be saved at all: a failure to save it is logged and never stops a download).
 */
export class PartialFiles {
  private writes: Promise<void> = Promise.resolve();
  private readonly parts = new Set<string>();

  private constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  /** Loads the list, removes what the last session left behind, and starts an empty list. */
  static async open(file: string, log: Logger): Promise<{ partials: PartialFiles; swept: SweepResult }> {
    const partials = new PartialFiles(file, log);
    const swept = await partials.sweep(await readLeftovers(file, log));
    await partials.save();
    return { partials, swept };
  }

  /** Call before creating the file; resolves once the list is on disk. */
  async adding(path: string): Promise<void> {
    this.parts.add(path);
    await this.save();
  }

  /** Call once the file was renamed or removed. */
  async gone(path: string): Promise<void> {
    if (this.parts.delete(path)) await this.save();
  }

  private async sweep(leftovers: string[]): Promise<SweepResult> {
    const result: SweepResult = { removed: [], skipped: [] };
    for (const path of leftovers) {
      let info: Stats;
      try {
        info = await lstat(path);
      } catch (error) {
        // Gone (removed or committed) from a folder that is there: done. Anything else (a disk not
        // plugged in, a share offline): still listed, for the next start.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !(await folderExists(dirname(path)))) this.parts.add(path);
        continue;
      }
      if (!info.isFile() || !isPartPath(path)) {
        result.skipped.push(path);
        continue;
      }
      await rm(path, { force: true }).then(
        () => result.removed.push(path),
        (error: unknown) => {
          // Still listed, so the next start tries again.
          this.parts.add(path);
          this.log.warn('could not remove a partial download left by the last session', { path, error });
        },
      );
    }
    if (result.removed.length) this.log.info('removed partial downloads left by the last session', { removed: result.removed });
    if (result.skipped.length) this.log.warn('left alone listed partial downloads that are no longer plain files', { skipped: result.skipped });
    return result;
  }

  private save(): Promise<void> {
    const snapshot = JSON.stringify({ version: 1, parts: [...this.parts] });
    this.writes = this.writes
      .then(() => writeFileAtomic(this.file, snapshot, { mode: 0o600 }))
      .catch((error: unknown) => this.log.warn('could not save the list of partial downloads', { error }));
    return this.writes;
  }
}

async function folderExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function readLeftovers(file: string, log: Logger): Promise<string[]> {
  try {
    return (await readJsonFile(file, ledgerSchema, 'The list of partial downloads'))?.parts ?? [];
  } catch (error) {
    const kept = await moveAside(file).catch(() => undefined);
    log.warn('the list of partial downloads was unreadable; starting a new one', { error, keptAs: kept });
    return [];
  }
}
