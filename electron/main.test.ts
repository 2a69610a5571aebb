import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames, ipcCallChannel, ipcEventChannel, type EventName } from '../shared/channels';

/**
 * Wiring test for main.ts against a fake `electron` module: the runtime cannot be installed on
 * every machine (and the real module would try to download it), so this checks what main asks
 * Electron to do. The Playwright spec in e2e/electron checks the real thing where it can run.
 */
type Listener = (...args: unknown[]) => void;

const fx = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  const paths = new Map<string, string>([['userData', '/nonexistent/default-user-data']]);
  const quitCalls = { count: 0, exited: 0 };
  const app = Object.assign(new Emitter(), {
    // Packaged: quiet logs, and ELECTRON_RENDERER_URL must be ignored.
    isPackaged: true,
    setPath: (name: string, value: string) => paths.set(name, value),
    getPath: (name: string) => paths.get(name) ?? '',
    getVersion: () => '0.1.0-test',
    setAppUserModelId: () => {},
    enableSandbox: () => {},
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    setAboutPanelOptions: () => {},
    showAboutPanel: () => {},
    exit: () => {},
    /** Like Electron: before-quit, then every window's close (either can cancel), then the exit. */
    quit() {
      quitCalls.count++;
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => (prevented = true) });
      for (const window of prevented ? [] : windows) window.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) quitCalls.exited++;
    },
  });
  const windows: FakeWindow[] = [];
  class FakeWebContents extends Emitter {
    readonly id = 1;
    readonly sent: [string, unknown][] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    isDestroyed = () => false;
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
  }
  class FakeWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    readonly progress: [number, unknown][] = [];
    loadedFile: string | undefined;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string): Promise<void> {
      this.loadedFile = file;
      return Promise.resolve();
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMaximized = () => false;
    isMinimized = () => false;
    shown = 0;
    hidden = 0;
    show(): void {
      this.shown++;
    }
    hide(): void {
      this.hidden++;
    }
    focus(): void {}
    restore(): void {}
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    setProgressBar(value: number, options: unknown): void {
      this.progress.push([value, options]);
    }
  }
  const handlers = new Map<string, Listener>();
  const session = {
    csp: undefined as Listener | undefined,
    permission: undefined as Listener | undefined,
    webRequest: { onHeadersReceived: (l: Listener) => (session.csp = l) },
    setPermissionRequestHandler: (l: Listener) => (session.permission = l),
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
  };
  const opened: string[] = [];
  const menu = { set: false };
  const core = {
    listeners: [] as ((name: EventName, payload: unknown) => void)[],
    dispatched: [] as [string, unknown][],
    closed: false,
    async dispatch(name: string, input: unknown) {
      core.dispatched.push([name, input]);
      return { ok: true, value: 'done' };
    },
    onEvent(listener: (name: EventName, payload: unknown) => void) {
      core.listeners.push(listener);
      return () => {};
    },
    allowUploadPath: () => {},
    activeJobCount: () => 1,
    activeJobs: () => [
      {
        id: 'j1',
        endpointId: 'e1',
        endpointName: 'edge-appliance',
        backupId: '3',
        kind: 'download',
        state: 'running',
        stage: 'Downloading 40 MB of 100 MB',
        progress: { fraction: 0.4, bytesDone: 40e6, bytesTotal: 100e6 },
        startedAt: '2026-11-22T10:00:00.000Z',
        updatedAt: '2026-11-22T10:01:00.000Z',
        cancellable: true,
        stalled: false,
        milestones: [],
      },
    ],
    aggregateProgress: () => 0.5,
    async close() {
      core.closed = true;
    },
  };
  /** The native quit question: what it was asked, and which button the operator presses. */
  const questions = { asked: [] as { message: string; detail: string; buttons: string[]; cancelId: number; signal: AbortSignal }[], press: 0 as number | 'nobody' };
  const powerMonitor = new Emitter();
  return { app, paths, quitCalls, windows, FakeWindow, handlers, session, opened, menu, core, questions, powerMonitor };
});

vi.mock('electron', () => ({
  app: fx.app,
  BrowserWindow: fx.FakeWindow,
  dialog: {
    showErrorBox: () => {},
    showMessageBox: async (_window: unknown, options: { message: string; detail: string; buttons: string[]; cancelId: number; signal: AbortSignal }) => {
      fx.questions.asked.push(options);
      const press = fx.questions.press;
      if (press !== 'nobody') return { response: press };
      // Nobody at the screen: only the signal dismisses it (Electron then answers the cancel button).
      return new Promise((resolve) => options.signal.addEventListener('abort', () => resolve({ response: options.cancelId })));
    },
  },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => (fx.menu.set = true) },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
    getSelectedStorageBackend: () => 'basic_text',
  },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
  session: { defaultSession: fx.session },
  powerMonitor: fx.powerMonitor,
  shell: { openExternal: async (url: string) => void fx.opened.push(url) },
  ipcMain: {
    handle: (channel: string, handler: Listener) => fx.handlers.set(channel, handler),
    removeHandler: (channel: string) => fx.handlers.delete(channel),
    on: () => {},
    removeListener: () => {},
  },
}));
vi.mock('./core/app-core', () => ({ createAppCore: async () => fx.core }));

const dataDir = mkdtempSync(join(tmpdir(), 'bc-main-'));
const rendererUrl = pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const win = () => fx.windows[0];
const log = () => readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');

beforeAll(async () => {
  vi.stubEnv('BACKUP_CONSOLE_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
  await import('./main');
  await vi.waitFor(() => expect(fx.windows).toHaveLength(1));
});

afterAll(() => {
  vi.unstubAllEnvs();
  // Not now: closing the window (as quitting does) still saves its state in the background.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
});

describe('main wiring', () => {
  it('uses the overridden data folder for userData and the log', () => {
    expect(fx.paths.get('userData')).toBe(dataDir);
    expect(log()).toContain('"message":"starting"');
  });

  it('gives a new install without a real keyring (basic_text) the passphrase vault, and logs why', () => {
    const ready = log()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((record) => record.message === 'secret store ready');
    expect(ready).toMatchObject({ kind: 'passphrase', state: 'uninitialised', backend: 'basic_text' });
  });

  it('creates one hardened window on the built renderer, never a dev server when packaged', () => {
    const prefs = win().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(win().loadedFile).toMatch(/renderer[\\/]index\.html$/);
    expect(fx.menu.set).toBe(true);
  });

  it('registers every contract call and only serves the main window', async () => {
    expect([...fx.handlers.keys()].sort()).toEqual(callNames.map(ipcCallChannel).sort());
    const handler = fx.handlers.get(ipcCallChannel('jobs.list'));
    const trusted = { sender: { id: 1 }, senderFrame: { url: rendererUrl, parent: null } };
    expect(await handler?.(trusted, {})).toEqual({ ok: true, value: 'done' });
    const foreign = { sender: { id: 1 }, senderFrame: { url: 'https://evil.test/', parent: null } };
    expect(await handler?.(foreign, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fx.core.dispatched).toEqual([['jobs.list', {}]]);
  });

  it('forwards core events to the window and shows job progress on the taskbar', () => {
    for (const listener of fx.core.listeners) listener('job.updated', { id: 'j1' });
    expect(win().webContents.sent).toContainEqual([ipcEventChannel('job.updated'), { id: 'j1' }]);
    expect(win().progress.at(-1)).toEqual([0.5, { mode: 'normal' }]);
  });

  it('guards navigation, new windows and permissions', () => {
    const contents = win().webContents;
    const navigate = (url: string) => {
      const event = { url, isMainFrame: true, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate(`${rendererUrl}#/jobs`)).toBe(false);
    expect(navigate('http://localhost:5173/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('https://docs.example.com/')).toBe(true);
    expect(fx.opened).toEqual(['http://localhost:5173/', 'https://docs.example.com/']);
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });

    const granted = vi.fn();
    fx.session.permission?.(contents, 'media', granted, { requestingUrl: rendererUrl });
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('sends the CSP with our documents', () => {
    let headers: Record<string, string[]> | undefined;
    fx.session.csp?.({ url: rendererUrl, resourceType: 'mainFrame', responseHeaders: {} }, (r: { responseHeaders?: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("script-src 'self';");
  });

  it('asks before quitting while jobs run, keeps running on "Keep running", quits without asking when the system shuts down, and closes the core first', async () => {
    fx.questions.press = 0;
    fx.app.quit();
    await vi.waitFor(() => expect(fx.questions.asked).toHaveLength(1));
    expect(fx.questions.asked[0]).toMatchObject({
      message: 'An operation is still running. Quit Backup Console anyway?',
      detail: '• Download 3 on edge-appliance (Downloading 40 MB of 100 MB, 40 %): stops, and its partial file is removed; the backup stays on the endpoint.',
      buttons: ['Keep running', 'Quit anyway'],
      cancelId: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fx.quitCalls.exited).toBe(0);
    expect(fx.core.closed).toBe(false);

    if (process.platform !== 'darwin') {
      // Closing the window quits on Windows and Linux: it asks first, and stays open on "Keep running".
      let kept = false;
      win()!.emit('close', { preventDefault: () => (kept = true) });
      expect(kept).toBe(true);
      await vi.waitFor(() => expect(fx.questions.asked).toHaveLength(2));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // The system shuts down while the question waits for nobody: it quits, without the answer.
    fx.questions.press = 'nobody';
    fx.app.quit();
    const asked = process.platform === 'darwin' ? 2 : 3;
    await vi.waitFor(() => expect(fx.questions.asked).toHaveLength(asked));
    let delayed = false;
    fx.powerMonitor.emit('shutdown', { preventDefault: () => (delayed = true) });
    expect(delayed).toBe(true);
    expect(fx.questions.asked[asked - 1]!.signal.aborted).toBe(true);
    await vi.waitFor(() => expect(fx.quitCalls.exited).toBe(1));
    expect(fx.questions.asked).toHaveLength(asked);
    expect(win()!.hidden).toBe(1);
    expect(fx.core.closed).toBe(true);
    expect(fx.handlers.size).toBe(0);
  });
});
