import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ipcCallChannel, ipcEventChannel, ipcUploadPathChannel } from '../shared/channels';
import type { PreloadBridge } from '../shared/contract';
import { createPreloadBridge, type Bridge, type IpcRendererLike, type WebUtilsLike } from './preload-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, input: unknown): Promise<unknown> => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
    send: vi.fn((_channel: string, ..._args: unknown[]) => undefined),
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-renderer-event', ports: [] }, payload);
  };
  return { ipc, emit, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

/** Electron's webUtils: a path for the File it made, and a throw for anything else (as Electron does). */
function fakeWebUtils(path = '/home/op/box.backup.tgz') {
  const file = new File([new Uint8Array([0x1f, 0x8b])], 'box.backup.tgz');
  const webUtils = {
    getPathForFile: vi.fn((candidate: File): string => {
      if (candidate !== file) throw new TypeError('Error processing argument at index 0, conversion failure from');
      return path;
    }),
  } satisfies WebUtilsLike;
  return { webUtils, file };
}

describe('createPreloadBridge', () => {
  it('matches the PreloadBridge contract both ways', () => {
    expectTypeOf<Bridge>().toEqualTypeOf<PreloadBridge>();
  });

  it('exposes only call, on and pathForFile, frozen', () => {
    const bridge = createPreloadBridge(fakeIpc().ipc, fakeWebUtils().webUtils);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on', 'pathForFile']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes contract calls on their channel', async () => {
    const { ipc } = fakeIpc();
    const result = await createPreloadBridge(ipc, fakeWebUtils().webUtils).call('endpoints.list', {});
    expect(ipc.invoke).toHaveBeenCalledWith(ipcCallChannel('endpoints.list'), {});
    expect(result).toEqual({ ok: true, value: { channel: 'bc:call:endpoints.list', input: {} } });
  });

  it('refuses unknown call names with a validation envelope and no IPC', async () => {
    const { ipc } = fakeIpc();
    const bridge = createPreloadBridge(ipc, fakeWebUtils().webUtils);
    for (const name of ['shell.openExternal', 'bc:call:endpoints.list', '__proto__', '', 42 as unknown as string]) {
      const result = (await bridge.call(name, {})) as { ok: boolean; error: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('validation');
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns invoke failures into envelopes instead of throwing', async () => {
    const { ipc } = fakeIpc();
    const bridge = createPreloadBridge(ipc, fakeWebUtils().webUtils);
    ipc.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await bridge.call('endpoints.add', { f: () => 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'bc:call:jobs.list'"));
    expect(await bridge.call('jobs.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes to contract events, hides the IPC event and unsubscribes once', () => {
    const { ipc, emit, count } = fakeIpc();
    const listener = vi.fn();
    const off = createPreloadBridge(ipc, fakeWebUtils().webUtils).on('job.updated', listener);
    emit(ipcEventChannel('job.updated'), { id: 'j1' });
    expect(listener).toHaveBeenCalledWith({ id: 'j1' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    off();
    expect(ipc.removeListener).toHaveBeenCalledOnce();
    expect(count(ipcEventChannel('job.updated'))).toBe(0);
  });

  it('ignores unknown events and non-function listeners', () => {
    const { ipc } = fakeIpc();
    const bridge = createPreloadBridge(ipc, fakeWebUtils().webUtils);
    expect(typeof bridge.on('bc:call:endpoints.list', () => {})).toBe('function');
    expect(typeof bridge.on('job.updated', 'nope' as unknown as () => void)).toBe('function');
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('gives the path of a dropped file, and tells main that this path may be uploaded', () => {
    const { webUtils, file } = fakeWebUtils();
    const { ipc } = fakeIpc();
    expect(createPreloadBridge(ipc, webUtils).pathForFile(file)).toBe('/home/op/box.backup.tgz');
    expect(webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(ipc.send).toHaveBeenCalledWith(ipcUploadPathChannel, '/home/op/box.backup.tgz');
  });

  it('answers an empty path instead of throwing for anything that is not a file', () => {
    const bridge = createPreloadBridge(fakeIpc().ipc, fakeWebUtils().webUtils);
    for (const value of [undefined, null, 'C:/secret.txt', { name: 'x' }, new Blob(['x'])]) expect(bridge.pathForFile(value)).toBe('');
    const { ipc } = fakeIpc();
    const odd = createPreloadBridge(ipc, { getPathForFile: () => 42 as unknown as string });
    expect(odd.pathForFile(fakeWebUtils().file)).toBe('');
    expect(ipc.send).not.toHaveBeenCalled();
  });
});
