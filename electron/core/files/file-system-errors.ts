import { AppError } from '../../../shared/errors';

const explanations: Record<string, (path: string) => [message: string, hint: string]> = {
  ENOSPC: (path) => [`The disk holding ${path} is full.`, 'Free some space or choose another disk, then download again.'],
  EDQUOT: (path) => [`Your disk quota is used up where ${path} would go.`, 'Free some space or choose another folder.'],
  EACCES: (path) => [`Backup Console may not write ${path}.`, 'Choose a folder you can write to.'],
  EPERM: (path) => [`The system refused to write ${path}.`, 'Choose a folder you can write to.'],
  EROFS: (path) => [`${path} is on a read-only disk.`, 'Choose a folder on a writable disk.'],
  EEXIST: (path) => [`${path} already exists.`, 'Choose another name.'],
  ENOENT: (path) => [`The folder for ${path} is gone.`, 'Choose an existing folder.'],
};

/** File-system failures become errors that say what happened to which file and what to do. */
export function fileSystemError(error: unknown, path: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const explain = code ? explanations[code] : undefined;
  if (!explain) return error;
  const [message, hint] = explain(path);
  return new AppError('local-file', message, hint);
}
