import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { Job } from '../../shared/domain';
import { quitWarning } from './quit-warning';

/**
 * The native question before quitting while jobs run; "Keep running" is the default and Escape.
 * The window comes to the front first: a sheet or a dialog owned by a minimized window is not seen.
 */
export async function askToQuit(activeJobs: readonly Job[], window: BrowserWindow | undefined, dismissed: AbortSignal): Promise<boolean> {
  const warning = quitWarning(activeJobs);
  if (!warning) return true;
  const options: MessageBoxOptions = {
    type: 'warning',
    title: 'Backup Console',
    message: warning.message,
    detail: warning.detail,
    buttons: ['Keep running', 'Quit anyway'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    signal: dismissed,
  };
  if (window) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 1;
}
