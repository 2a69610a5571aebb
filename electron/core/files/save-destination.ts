import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';

export interface SaveDestination {
  path: string;
  /** The operator agreed to replace an existing file at `path`. */
  overwrite: boolean;
}

export interface DestinationRules {
  /** The app's own data folder (secrets, endpoints, logs): never a download target. */
  dataDir: string;
  /**
   * On the desktop the path must be one the save dialog returned (a renderer cannot name any file
   * on disk). Undefined in browser mode, where the operator types the path.
   */
  chosenByDialog?: Set<string>;
  /** Destinations of downloads still running: two jobs never write one file. */
  inUse: Set<string>;
}

export function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Hidden files and folders (~/.ssh, ~/.bashrc) hold configuration and keys, never backups. */
export function hiddenPart(path: string): string | undefined {
  return path.split(sep).find((part) => part.startsWith('.') && part !== '.' && part !== '..');
}

/**
 * Checked in main before a transfer starts: the renderer's path is only a request. An existing
 * file is never replaced without the operator saying so, and the folder must already exist.
 */
export async function checkSaveDestination({ path, overwrite }: SaveDestination, rules: DestinationRules): Promise<string> {
  if (!isAbsolute(path) || basename(path) === '' || path.endsWith('/') || path.endsWith('\\')) {
    throw new AppError('validation', `“${path}” is not a full path to a file.`, 'Choose where to save the file, including its name, e.g. /home/you/Downloads/backup.tar.gz.');
  }
  if (rules.chosenByDialog && !rules.chosenByDialog.has(path)) {
    throw new AppError('validation', 'Choose where to save the file with the save dialog.', 'Press “Choose…” and pick the file name there.');
  }
  const folder = dirname(path);
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    throw new AppError('validation', `The folder ${folder} does not exist.`, 'Choose an existing folder, or create it first.');
  }
  const realFolder = await realpath(folder);
  const target = resolve(realFolder, basename(path));
  const hidden = hiddenPart(target);
  if (hidden) {
    throw new AppError('validation', `${path} is in a hidden file or folder (${hidden}); Backup Console does not write backups there.`, 'Choose a visible folder such as Downloads.');
  }
  if (inside(target, await realpath(rules.dataDir).catch(() => resolve(rules.dataDir)))) {
    throw new AppError('validation', `${path} is inside Backup Console's own data folder.`, 'Choose another folder, such as Downloads.');
  }
  if (rules.inUse.has(target)) {
    throw new AppError('conflict', `Another download is already writing ${path}.`, 'Wait for it to finish, or choose another name.');
  }
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new AppError('validation', `${path} is a folder.`, 'Add a file name to the path.');
  if (existing?.isSymbolicLink()) throw new AppError('validation', `${path} is a symbolic link; Backup Console does not write through links.`, 'Choose another name.');
  if (existing && !overwrite) {
    throw new AppError('conflict', `A file already exists at ${path}.`, 'Choose another name, or confirm that it may be replaced.');
  }
  return target;
}
