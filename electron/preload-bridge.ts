import { ipcCallChannel, ipcEventChannel, ipcUploadPathChannel, isCallName, isEventName } from '../shared/channels';

/**
 * What the preload exposes as `window.backupConsole`. Mirrors `PreloadBridge` in
 * shared/contract.ts without importing it, so zod stays out of the preload bundle; the unit test
 * checks the two stay assignable.
 */
export interface Bridge {
  call(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  pathForFile(file: unknown): string;
}

/** The slice of `ipcRenderer` the bridge needs (tests pass a fake). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The slice of Electron's `webUtils` the bridge needs (tests pass a fake). */
export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

const failure = (code: 'validation' | 'internal', message: string, hint?: string) => ({
  ok: false as const,
  error: hint ? { code, message, hint } : { code, message },
});

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}

const noop = () => {};

/**
 * An allowlisted bridge: only contract call names reach `invoke`, only contract event names are
 * subscribed, the IpcRendererEvent never reaches the page, and every failure is an envelope.
 * `pathForFile` gives main the path of a dropped or picked file, so the bytes never cross IPC.
 */
export function createPreloadBridge(ipc: IpcRendererLike, webUtils: WebUtilsLike): Bridge {
  return Object.freeze({
    async call(name: string, input: unknown): Promise<unknown> {
      if (!isCallName(name)) return failure('validation', `Unknown call ${describe(name)}.`);
      try {
        return await ipc.invoke(ipcCallChannel(name), input);
      } catch (error) {
        // invoke rejects when the input cannot be cloned or main has no handler (yet).
        const message = error instanceof Error ? error.message : String(error);
        return /could not be cloned/i.test(message)
          ? failure('validation', `The input of ${name} cannot be sent to the app.`, message)
          : failure('internal', `The app did not answer ${name}.`, message);
      }
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event) || typeof listener !== 'function') return noop;
      const channel = ipcEventChannel(event);
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, forward);
      };
    },
    pathForFile(file: unknown): string {
      // getPathForFile throws for anything that is not a File; the page only ever learns '' then.
      try {
        const path = webUtils.getPathForFile(file as File);
        if (typeof path !== 'string' || !path) return '';
        // Sent before the page can name it in a call: IPC from one frame arrives in order.
        ipc.send(ipcUploadPathChannel, path);
        return path;
      } catch {
        return '';
      }
    },
  });
}
