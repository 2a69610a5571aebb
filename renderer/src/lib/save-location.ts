import type { SaveLocationChoice } from '../../../shared/contract';
import type { Backup } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/errors';

/** What `backups.download` and `backups.create` take as `destination` / `download`. */
export interface SaveDestination {
  path: string;
  /** The operator agreed to replace a file already there (the native dialog asks itself). */
  overwrite: boolean;
}

/** A refusal of the destination, shown at the path: a file already there, or a path main cannot use. */
export interface SaveProblem {
  code: 'conflict' | 'validation';
  message: string;
  hint?: string;
}

/**
 * Where a file will be saved:
 * - `ask`: nothing chosen yet; starting asks the desktop's save dialog first.
 * - `chosen`: picked in the native dialog, which already confirmed any replacement.
 * - `typed`: browser mode; a path on the machine running Backup Console, typed (prefilled).
 */
export interface SaveLocationState {
  mode: 'ask' | 'chosen' | 'typed';
  path: string;
  overwrite: boolean;
  problem?: SaveProblem;
  /** Bumped when the path field should take focus (it appeared on a submit, or was refused). */
  focusToken: number;
}

export type SaveLocationAction =
  | { type: 'answer'; choice: SaveLocationChoice; focus: boolean }
  | { type: 'edit'; path: string }
  | { type: 'refused'; problem: SaveProblem }
  | { type: 'replace' };

export const initialSaveLocation: SaveLocationState = { mode: 'ask', path: '', overwrite: false, focusToken: 0 };

export function saveLocationReducer(state: SaveLocationState, action: SaveLocationAction): SaveLocationState {
  switch (action.type) {
    case 'answer': {
      const { choice } = action;
      if (choice.kind === 'cancelled') return state;
      if (choice.kind === 'chosen') return { mode: 'chosen', path: choice.path, overwrite: true, focusToken: state.focusToken };
      // A path the operator already typed wins over the default.
      const path = state.mode === 'typed' && state.path.trim() !== '' ? state.path : choice.defaultPath;
      return { mode: 'typed', path, overwrite: false, focusToken: state.focusToken + (action.focus ? 1 : 0) };
    }
    case 'edit':
      // A new path is a new question: an earlier "replace it" was about the old one.
      return { mode: 'typed', path: action.path, overwrite: false, focusToken: state.focusToken };
    case 'refused':
      return { ...state, problem: action.problem, overwrite: false, focusToken: state.focusToken + 1 };
    case 'replace':
      return { ...state, overwrite: true, problem: undefined };
  }
}

/** Why a typed path cannot be sent as it is; main checks the rest (absolute, folder exists, no file there). */
export function typedPathProblem(path: string): SaveProblem | undefined {
  if (path.trim() === '') return { code: 'validation', message: 'Type the full path of the file to save, including its name.' };
  return undefined;
}

/** What to send for the current state; undefined while nothing is chosen. */
export function destinationOf(state: SaveLocationState): SaveDestination | undefined {
  if (state.mode === 'ask') return undefined;
  return { path: state.mode === 'typed' ? state.path.trim() : state.path, overwrite: state.overwrite };
}

function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : '';
}

/**
 * Whether a refused call was refused because of the destination (a file already there, a relative
 * path, a missing folder) rather than something else with the same code (a job already running,
 * bad backup options). Main's messages name the path or its folder.
 */
export function destinationProblem(error: { code: ErrorCode; message: string; hint?: string } | null | undefined, sentPath: string | undefined): SaveProblem | undefined {
  if (!error || !sentPath || (error.code !== 'conflict' && error.code !== 'validation')) return undefined;
  const folder = folderOf(sentPath);
  const aboutPath = error.message.includes(sentPath) || (folder.length > 1 && error.message.includes(folder));
  if (!aboutPath) return undefined;
  return { code: error.code, message: error.message, hint: error.hint };
}

/** The contract's limit on `suggestedName`. */
const maxSuggestedName = 255;

function lastSegment(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? '';
}

/** The name offered in the save dialog: the backup's own file name when the endpoint reports one, else its id + .tar.gz. */
export function suggestedBackupFileName(backup: Pick<Backup, 'id' | 'name' | 'details'>): string {
  const reported = backup.details.filename ?? backup.details.file_name;
  const fromDetails = typeof reported === 'string' ? lastSegment(reported.trim()) : '';
  const fromName = backup.name && /\.(tar\.gz|tgz|tar)$/i.test(backup.name) ? lastSegment(backup.name.trim()) : '';
  const name = fromDetails || fromName || `${lastSegment(backup.id) || 'backup'}.tar.gz`;
  return name.length > maxSuggestedName ? name.slice(name.length - maxSuggestedName) : name;
}

/** For a backup that does not exist yet (create + download). */
export function suggestedNewBackupFileName(endpointName: string, now: Date): string {
  const slug = endpointName.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'backup';
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, (c) => (c === 'T' ? '-' : ''));
  return `${slug.slice(0, 200)}-${stamp}.tar.gz`;
}
