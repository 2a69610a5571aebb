import { AppError } from '../../../shared/errors';
import type { BackupMetadata } from './wire-schemas';

/** Node's file-system error codes, in the operator's words. */
const fileErrors: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'Backup Console may not write there',
  EPERM: 'Backup Console may not write there',
  EROFS: 'the folder is on a read-only file system',
  ENOENT: 'the folder no longer exists',
  EEXIST: 'a file with that name appeared in the meantime',
  EISDIR: 'a folder has that name',
  EXDEV: 'the file could not be moved into place',
};

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const known = typeof code === 'string' ? fileErrors[code] : undefined;
  const message = error instanceof Error ? error.message.replace(/[.\s]+$/, '') : String(error);
  return known ? `${known} (${message})` : message;
}

export interface SaveContext {
  meta: BackupMetadata;
  /** The archive lives only as a one-shot file on the controller (3.x, or 2.x without keep-copy). */
  oneShot: boolean;
  /** The controller sent the whole archive, so it deleted its one-shot file. */
  streamedCompletely: boolean;
}

function whereTheBackupIs(s: SaveContext): string {
  if (!s.oneShot) return ' The backup stays stored on the controller: download it again from the list.';
  if (s.streamedCompletely) return ' The controller deleted its copy when it finished sending it, so create a new backup.';
  const file = s.meta.filename ?? 'its juju-backup-*.tar.gz file';
  return ` The controller may still hold it at ${file} until it is downloaded (\`juju download-backup ${file}\`); if it finished sending it, it deleted its copy.`;
}

/**
 * Every failure after Create succeeded says so first: the backup exists, only saving it failed.
 * Errors that are not AppErrors (file-system errors from writing or renaming) become 'local-file'.
 */
export function savingFailed(error: unknown, s: SaveContext): AppError {
  const app = error instanceof AppError ? error : undefined;
  const reason = app ? app.message.replace(/[.\s]+$/, '') : reasonOf(error);
  // Download errors already say what the controller kept; do not say it twice.
  const where = app && /controller may already have deleted|nothing was kept\. The controller/i.test(app.message) ? '' : whereTheBackupIs(s);
  return new AppError(app?.code ?? 'local-file', `Backup ${s.meta.id} was created on the controller, but saving it failed: ${reason}.${where}`, app ? app.hint : 'Choose a folder that is writable and has room for the backup, then download it again if the controller still has it.');
}
