import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, type BrowserWindow, dialog, Menu, powerMonitor, safeStorage, screen, session } from 'electron';
import { toErrorEnvelope } from '../shared/errors';
import { createAppCore, type AppCore } from './core/app-core';
import { createLogger, SecretRedactor, type Logger } from './core/log/logger';
import { registerIpcHost } from './hosts/ipc';
import { buildAppMenuTemplate } from './shell/app-menu';
import { applyContentSecurityPolicy, buildContentSecurityPolicy } from './shell/content-security-policy';
import { resolveDataDirOverride } from './shell/data-dir';
import { installGracefulQuit, type GracefulQuit } from './shell/graceful-quit';
import { createMainWindow } from './shell/main-window';
import { installNavigationGuard, installPermissionPolicy } from './shell/navigation-guard';
import { askToQuit } from './shell/quit-dialog';
import { openSecretStore } from './shell/secret-store-choice';
import { createTaskbarProgress } from './shell/taskbar-progress';
import { createTrustedSenderCheck } from './shell/trusted-sender';
import { isAppUrl, toHttpOrigin, type AppOrigin } from './shell/url-policy';
import { clampToDisplays, readWindowState } from './shell/window-state';
import { trackWindowState, type WindowStateTracker } from './shell/window-state-tracker';

const APP_ID = 'dev.backupconsole.app';
const APP_NAME = 'Backup Console';
const isDev = !app.isPackaged;
const here = import.meta.dirname;
const preloadPath = join(here, '../preload/preload.cjs');
const rendererFile = join(here, '../renderer/index.html');
// Only unpackaged runs follow ELECTRON_RENDERER_URL: a packaged app never loads code from a server.
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
const origin: AppOrigin = { rendererFileUrl: pathToFileURL(rendererFile).href, devServerOrigin: toHttpOrigin(devServerUrl) };
const isOurUrl = (url: string): boolean => isAppUrl(url, origin);

// Before anything reads userData: tests point each launch (and its single-instance lock) elsewhere.
const dataDirOverride = resolveDataDirOverride(process.argv, process.env);
if (dataDirOverride) app.setPath('userData', dataDirOverride);
const dataDir = app.getPath('userData');

if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let windowState: WindowStateTracker | undefined;
let quitGuard: GracefulQuit | undefined;
const liveWindow = (): BrowserWindow | undefined => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

if (app.requestSingleInstanceLock()) {
  void start();
} else {
  app.quit();
}

async function start(): Promise<void> {
  const redactor = new SecretRedactor();
  const log = createLogger({ file: join(dataDir, 'logs', 'main.log'), stderr: isDev, level: isDev ? 'debug' : 'info', redactor });
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', { error: reason }));

  installNavigationGuard({ isAppUrl: isOurUrl, log });
  app.on('second-instance', () => {
    const win = liveWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  await app.whenReady();
  log.info('starting', { version: app.getVersion(), electron: process.versions.electron, dataDir, dev: isDev });

  let core: AppCore;
  try {
    core = await openCore(log, redactor);
  } catch (error) {
    const envelope = toErrorEnvelope(error);
    log.error('could not start', { error: envelope.message });
    dialog.showErrorBox(`${APP_NAME} could not start`, [envelope.message, envelope.hint].filter(Boolean).join('\n\n'));
    app.exit(1);
    return;
  }

  installPermissionPolicy(session.defaultSession, { isAppUrl: isOurUrl, log });
  applyContentSecurityPolicy(session.defaultSession, buildContentSecurityPolicy({ devServerUrl }), isOurUrl);
  installMenu();

  const disposeIpc = registerIpcHost(
    core,
    createTrustedSenderCheck({ origin, getMainWebContents: () => liveWindow()?.webContents }),
    { getEventTarget: () => liveWindow()?.webContents, log },
  );
  const updateTaskbar = createTaskbarProgress(core, liveWindow);
  core.onEvent((name) => {
    if (name === 'job.updated') updateTaskbar();
  });

  quitGuard = installGracefulQuit(
    app,
    async () => {
      // Gone from the screen at once: what follows (stopping transfers, saving) is not the operator's wait.
      liveWindow()?.hide();
      disposeIpc();
      await windowState?.flush();
      await core.close();
      log.info('stopped');
    },
    log,
    { confirm: { needed: () => core.activeJobCount() > 0, ask: (dismissed) => askToQuit(core.activeJobs(), liveWindow(), dismissed) } },
  );
  installQuitOrders(quitGuard);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!liveWindow()) void openMainWindow(log).then(() => updateTaskbar(true));
  });

  await openMainWindow(log);
  updateTaskbar(true);
}

/**
 * A signal or the system shutting down is an order, not a question: quit without the dialog (nobody
 * may be there to answer it). Registered after whenReady, or Electron's own handlers (which only call
 * app.quit) would replace them on Linux and macOS.
 */
function installQuitOrders(guard: GracefulQuit): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => guard.quitWithoutAsking());
  powerMonitor.on('shutdown', (event?: Electron.Event) => {
    // Asks logind or macOS to wait while jobs are saved and connections closed.
    event?.preventDefault();
    guard.quitWithoutAsking();
  });
}

/** The native save dialog, attached to the window so it is modal to it. */
async function chooseSavePath(suggestedName: string): Promise<string | undefined> {
  const options = { defaultPath: join(app.getPath('downloads'), suggestedName), properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const window = liveWindow();
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled ? undefined : result.filePath;
}

async function openCore(log: Logger, redactor: SecretRedactor): Promise<AppCore> {
  const { kind, store } = await openSecretStore(join(dataDir, 'secrets.json'), safeStorage, (value) => redactor.add(value));
  const status = store.status();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  log.info('secret store ready', { kind, state: status.state, backend });
  // The same warning reaches the UI through vault.status, where the user can act on it.
  if (status.warning) log.warn('secret storage is weaker than expected', { kind, backend, warning: status.warning });
  const core = await createAppCore({ dataDir, secretStore: store, log, host: 'electron', version: app.getVersion(), redactor, chooseSavePath });
  await importDemoEndpoints(core, log);
  return core;
}

/** `npm run demo` hands the simulators' endpoints over in this variable (the same lines `npm run sims` prints). */
async function importDemoEndpoints(core: AppCore, log: Logger): Promise<void> {
  const lines = process.env.BACKUP_CONSOLE_IMPORT_ENDPOINTS;
  if (!lines) return;
  const result = await core.dispatch('endpoints.import', { text: lines });
  if (result.ok) log.info('demo endpoints imported', { result: result.value });
  else log.warn('demo endpoints were not imported', { error: result.error.message });
}

async function openMainWindow(log: Logger): Promise<void> {
  const stateFile = join(dataDir, 'window-state.json');
  const saved = await readWindowState(stateFile);
  const bounds = clampToDisplays(saved?.bounds, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const win = createMainWindow({ preloadPath, devServerUrl, rendererFile, bounds, maximized: saved?.maximized ?? false, log });
  windowState = trackWindowState(win, stateFile, (error) => log.warn('could not save the window state', { error }));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  // Closing the only window quits on Windows and Linux: ask before the window is gone, not after.
  if (process.platform !== 'darwin') {
    win.on('close', (event) => {
      if (!quitGuard?.wouldAsk()) return;
      event.preventDefault();
      void quitGuard.confirmQuit().then((yes) => yes && app.quit());
    });
  }
  mainWindow = win;
}

function installMenu(): void {
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion(), copyright: 'Backup Console team' });
  const template = buildAppMenuTemplate({
    appName: APP_NAME,
    isMac: process.platform === 'darwin',
    isDev,
    showAbout: () => app.showAboutPanel(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
