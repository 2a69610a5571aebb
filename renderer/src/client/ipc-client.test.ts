import { describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../../shared/contract';
import type { Job } from '../../../shared/domain';
import { createIpcClient } from './ipc-client';

const job: Job = {
  id: 'j1',
  endpointId: 'e1',
  endpointName: 'Appliance',
  kind: 'upload',
  state: 'running',
  stage: 'Sending the file',
  progress: { fraction: 0, bytesDone: 0, bytesTotal: 4 },
  startedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  cancellable: true,
  stalled: false,
  milestones: [],
};

function fakeBridge(path: string) {
  return {
    call: vi.fn(async (): Promise<unknown> => ({ ok: true, value: job })),
    on: vi.fn(() => () => {}),
    pathForFile: vi.fn(() => path),
  } satisfies PreloadBridge;
}

const file = () => new File([new Uint8Array([0x1f, 0x8b])], 'box.backup.tgz');

describe('ipc client uploads', () => {
  it('knows a dropped file by its path, and nothing for a file without one', () => {
    expect(createIpcClient(fakeBridge('/home/op/box.backup.tgz')).pathOf(file())).toBe('/home/op/box.backup.tgz');
    expect(createIpcClient(fakeBridge('')).pathOf(file())).toBeUndefined();
  });

  it('names the file by path in backups.upload, so main reads the bytes itself', async () => {
    const bridge = fakeBridge('/home/op/box.backup.tgz');
    const client = createIpcClient(bridge);
    await expect(
      client.uploadFile({ endpointId: 'e1', warningsAccepted: true, deleteFirst: { backupId: 'b1', confirmation: 'b1' } }, file()),
    ).resolves.toMatchObject({ id: 'j1', kind: 'upload' });
    expect(bridge.call).toHaveBeenCalledWith('backups.upload', {
      endpointId: 'e1',
      path: '/home/op/box.backup.tgz',
      warningsAccepted: true,
      deleteFirst: { backupId: 'b1', confirmation: 'b1' },
    });
    await client.uploadFile({ endpointId: 'e1', warningsAccepted: false }, file());
    expect(bridge.call).toHaveBeenLastCalledWith('backups.upload', { endpointId: 'e1', path: '/home/op/box.backup.tgz', warningsAccepted: false });
  });

  it('refuses a file without a path before anything is sent', async () => {
    const bridge = fakeBridge('');
    await expect(createIpcClient(bridge).uploadFile({ endpointId: 'e1', warningsAccepted: false }, file())).rejects.toMatchObject({
      code: 'local-file',
      message: expect.stringContaining('box.backup.tgz'),
    });
    expect(bridge.call).not.toHaveBeenCalled();
  });

  it('passes main refusals on as ClientErrors', async () => {
    const bridge = fakeBridge('/tmp/x.tgz');
    bridge.call.mockResolvedValueOnce({ ok: false, error: { code: 'confirmation-mismatch', message: 'Typed id does not match', hint: 'Type b1' } });
    await expect(createIpcClient(bridge).uploadFile({ endpointId: 'e1', warningsAccepted: false }, file())).rejects.toMatchObject({
      code: 'confirmation-mismatch',
      hint: 'Type b1',
    });
  });
});
