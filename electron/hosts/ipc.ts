import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { callNames, ipcCallChannel, ipcEventChannel, ipcUploadPathChannel } from '../../shared/channels';
import type { CallResult } from '../../shared/contract';
import { toErrorEnvelope } from '../../shared/errors';
import type { AppCore } from '../core/app-core';
import type { Logger } from '../core/log/logger';

export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export interface IpcHostOptions {
  /** Where events go: the main window's web contents while there is one. */
  getEventTarget: () => EventSink | undefined;
  log: Logger;
}

const forbidden: CallResult<never> = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'This window is not allowed to talk to Backup Console.',
    hint: 'Only the Backup Console window itself may call the app.',
  },
};

/**
 * The Electron host: one `ipcMain.handle` per contract call and one fixed channel per event.
 * The only place `ipcMain` is used. Input validation happens in `core.dispatch`; this layer
 * decides who may call at all.
 */
export function registerIpcHost(
  core: Pick<AppCore, 'dispatch' | 'onEvent' | 'allowUploadPath'>,
  isTrusted: (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean,
  options: IpcHostOptions,
): () => void {
  const { log } = options;
  for (const name of callNames) {
    ipcMain.handle(ipcCallChannel(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<CallResult<unknown>> => {
      if (!isTrusted(event)) {
        log.warn('rejected IPC call from an untrusted sender', {
          call: name,
          senderId: event.sender.id,
          frameUrl: event.senderFrame?.url,
        });
        return forbidden;
      }
      try {
        return await core.dispatch(name, input);
      } catch (error) {
        // dispatch promises never to throw; if it does, the renderer still gets an envelope.
        log.error('dispatch threw', { call: name, error });
        return { ok: false, error: toErrorEnvelope(error) };
      }
    });
  }

  const takeUploadPath = (event: IpcMainEvent, path: unknown) => {
    if (!isTrusted(event) || typeof path !== 'string' || path.length === 0 || path.length > 4096) {
      log.warn('ignored an upload path from an untrusted sender or of a bad shape', { senderId: event.sender.id });
      return;
    }
    core.allowUploadPath(path);
  };
  ipcMain.on(ipcUploadPathChannel, takeUploadPath);

  const unsubscribe = core.onEvent((name, payload) => {
    const target = options.getEventTarget();
    if (!target || target.isDestroyed()) return;
    try {
      target.send(ipcEventChannel(name), payload);
    } catch (error) {
      log.error('could not send event to the window', { event: name, error });
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeListener(ipcUploadPathChannel, takeUploadPath);
    for (const name of callNames) ipcMain.removeHandler(ipcCallChannel(name));
  };
}
