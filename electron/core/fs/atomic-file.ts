/**
 * Config and state files are replaced atomically and read strictly.
 *
 * Policy for corrupt files: `readJsonFile` throws `corrupt-config` and the caller never gets a
 * value to save over it. The endpoint store and the secret stores therefore refuse to open (so
 * they can never write) until the user fixes or moves the file. The job history, which must not
 * stop the app from starting, first renames the bad file with `moveAside` and only then starts
 * empty, so the original bytes survive as `<file>.corrupt-<timestamp>`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

export interface WriteFileAtomicOptions {
  /** File mode of the new file, e.g. 0o600 for anything holding secrets. Default 0o644. */
  mode?: number;
}

const CORRUPT_HINT = 'Fix or move the file aside; Backup Console will not overwrite it.';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes to a temp file in the same folder, fsyncs it and renames it over `path`, so readers see the old or the new file, never half of one. */
export async function writeFileAtomic(path: string, data: string, opts: WriteFileAtomicOptions = {}): Promise<void> {
  const mode = opts.mode ?? 0o644;
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      // The umask may have narrowed the mode at creation; secrets need exactly what was asked.
      await handle.chmod(mode);
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
    await syncFolder(dirname(path));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/** Makes the rename itself durable. Not possible on every platform (Windows cannot open folders), hence best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort only: the data itself is already synced.
  }
}

function describeIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}

/**
 * Reads and validates a JSON file. Returns undefined when the file does not exist; throws
 * AppError('corrupt-config') naming the file and the first problem when it cannot be read, is not
 * JSON or does not match the schema.
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('corrupt-config', `${what} at ${path} cannot be read: ${reason}`, 'Check that the file and its folder are readable by you.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('corrupt-config', `${what} at ${path} is not valid: ${reason}`, CORRUPT_HINT);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('corrupt-config', `${what} at ${path} is not valid: ${describeIssue(parsed.error.issues[0])}`, CORRUPT_HINT);
  }
  return parsed.data;
}

/** Renames a bad file to `<path>.corrupt-<timestamp>` and returns the new path. */
export async function moveAside(path: string, nowMs: number = Date.now()): Promise<string> {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const target = `${path}.corrupt-${stamp}`;
  await rename(path, target);
  return target;
}
