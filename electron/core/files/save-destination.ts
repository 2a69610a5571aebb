import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute } from 'node:path';
import { AppError } from '../../../shared/errors';

export interface SaveDestination {
  path: string;
  /** The operator agreed to replace an existing file at `path`. */
  overwrite: boolean;
}

/**
 * Checked in main before a transfer starts: the renderer's path is only a request. An existing
 * file is never replaced without the operator saying so, and the folder must already exist.
 */
export async function checkSaveDestination({ path, overwrite }: SaveDestination): Promise<string> {
  if (!isAbsolute(path) || basename(path) === '' || path.endsWith('/') || path.endsWith('\\')) {
    throw new AppError('validation', `“${path}” is not a full path to a file.`, 'Choose where to save the file, including its name, e.g. /home/you/Downloads/backup.tar.gz.');
  }
  const folder = dirname(path);
  const folderStat = await stat(folder).catch(() => undefined);
  if (!folderStat?.isDirectory()) {
    throw new AppError('validation', `The folder ${folder} does not exist.`, 'Choose an existing folder, or create it first.');
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new AppError('validation', `${path} is a folder.`, 'Add a file name to the path.');
  }
  if (existing && !overwrite) {
    throw new AppError('conflict', `A file already exists at ${path}.`, 'Choose another name, or confirm that it may be replaced.');
  }
  return path;
}
