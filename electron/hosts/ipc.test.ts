import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, ipcCallChannel, ipcEventChannel, ipcUploadPathChannel, type EventName } from '../../shared/channels';
import type { CallResult } from '../../shared/contract';
import { silentLogger } from '../core/log/logger';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type Listener = (event: unknown, ...args: unknown[]) => void;
const handlers = vi.hoisted(() => new Map<string, Handler>());
const listeners = vi.hoisted(() => new Map<string, Listener>());

// The real 'electron' module would try to download the binary; the host only needs ipcMain.
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
    on: (channel: string, listener: Listener) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

const { registerIpcHost } = await import('./ipc');

function fakeCore() {
  let listener: ((name: EventName, payload: unknown) => void) | undefined;
  const dispatch = vi.fn(async (name: string, input: unknown): Promise<CallResult<unknown>> => ({ ok: true, value: { name, input } }));
  return {
    dispatch,
    onEvent: vi.fn((l: (name: EventName, payload: unknown) => void) => {
      listener = l;
      return () => (listener = undefined);
    }),
    allowUploadPath: vi.fn((_path: string) => undefined),
    emit: (name: EventName, payload: unknown) => listener?.(name, payload),
    hasListener: () => listener !== undefined,
  };
}

const event = { sender: { id: 1 }, senderFrame: { url: 'file:///app/index.html' } };

describe('registerIpcHost', () => {
  beforeEach(() => {
    handlers.clear();
    listeners.clear();
  });

  it('takes upload paths only from the trusted window, and only strings', () => {
    const core = fakeCore();
    let trusted = true;
    const dispose = registerIpcHost(core, () => trusted, { getEventTarget: () => undefined, log: silentLogger });
    const send = listeners.get(ipcUploadPathChannel)!;
    send(event, '/home/op/box.backup.tgz');
    send(event, { path: '/etc/passwd' });
    trusted = false;
    send(event, '/home/op/other.tgz');
    expect(core.allowUploadPath.mock.calls).toEqual([['/home/op/box.backup.tgz']]);
    dispose();
    expect(listeners.has(ipcUploadPathChannel)).toBe(false);
  });

  it('registers exactly one handler per contract call', () => {
    registerIpcHost(fakeCore(), () => true, { getEventTarget: () => undefined, log: silentLogger });
    expect([...handlers.keys()].sort()).toEqual(callNames.map(ipcCallChannel).sort());
  });

  it('passes trusted calls to core.dispatch and returns its envelope', async () => {
    const core = fakeCore();
    registerIpcHost(core, () => true, { getEventTarget: () => undefined, log: silentLogger });
    const result = await handlers.get(ipcCallChannel('endpoints.list'))?.(event, {}, 'extra argument');
    expect(result).toEqual({ ok: true, value: { name: 'endpoints.list', input: {} } });
    expect(core.dispatch).toHaveBeenCalledWith('endpoints.list', {});
  });

  it('answers untrusted senders with forbidden and never dispatches', async () => {
    const core = fakeCore();
    const warn = vi.fn();
    registerIpcHost(core, () => false, { getEventTarget: () => undefined, log: { ...silentLogger, warn } });
    const result = (await handlers.get(ipcCallChannel('backups.delete'))?.(event, { endpointId: 'x' })) as CallResult<unknown>;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('forbidden');
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('rejected IPC call from an untrusted sender', expect.objectContaining({ call: 'backups.delete' }));
  });

  it('turns a throwing dispatch into an internal envelope', async () => {
    const core = fakeCore();
    core.dispatch.mockRejectedValueOnce(new Error('boom'));
    registerIpcHost(core, () => true, { getEventTarget: () => undefined, log: silentLogger });
    const result = (await handlers.get(ipcCallChannel('jobs.list'))?.(event, {})) as CallResult<unknown>;
    expect(!result.ok && result.error.code).toBe('internal');
  });

  it('forwards core events to the live window on their fixed channel', () => {
    const core = fakeCore();
    const send = vi.fn();
    let destroyed = false;
    registerIpcHost(core, () => true, { getEventTarget: () => ({ isDestroyed: () => destroyed, send }), log: silentLogger });
    core.emit('job.updated', { id: 'j1' });
    expect(send).toHaveBeenCalledWith(ipcEventChannel('job.updated'), { id: 'j1' });
    destroyed = true;
    core.emit('job.updated', { id: 'j2' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('unregisters everything when disposed', () => {
    const core = fakeCore();
    const dispose = registerIpcHost(core, () => true, { getEventTarget: () => undefined, log: silentLogger });
    dispose();
    expect(handlers.size).toBe(0);
    expect(core.hasListener()).toBe(false);
  });
});
