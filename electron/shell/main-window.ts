import { BrowserWindow } from 'electron';
import type { Logger } from '../core/log/logger';
import { minWindowSize, type Rect } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** Dev: the Vite server URL. Production: undefined, and `rendererFile` is loaded. */
  devServerUrl?: string;
  rendererFile: string;
  bounds: Rect;
  maximized: boolean;
  log: Logger;
}

/** The one app window, with every web preference at its safe value spelled out. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...options.bounds,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    title: 'Backup Console',
    show: false,
    backgroundColor: '#0f172a',
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      safeDialogs: true,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });

  win.once('ready-to-show', () => {
    if (options.maximized) win.maximize();
    win.show();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    options.log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  win.webContents.on('preload-error', (_event, preloadPath, error) => {
    options.log.error('preload failed', { preloadPath, error });
  });

  const loading = options.devServerUrl ? win.loadURL(options.devServerUrl) : win.loadFile(options.rendererFile);
  loading.catch((error: unknown) => options.log.error('renderer failed to load', { error }));
  return win;
}
