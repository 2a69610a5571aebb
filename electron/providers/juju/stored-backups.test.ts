import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../core/log/logger';
import { recordOperation, rejectionOf, testProvider, useJujuSim } from './test-support/harness';

describe('backups stored in a Juju 2.8 controller', () => {
  const juju = useJujuSim({ version: '2.8.10' });

  async function createOne(notes: string): Promise<string> {
    const outcome = await testProvider.createBackup(juju.context(), recordOperation().op, { notes });
    return outcome.backupId!;
  }

  it('lists them with List and reads one with Info, without the CA private key', async () => {
    const first = await createOne('first');
    const second = await createOne('second');
    const ctx = juju.context();
    const listed = await testProvider.listBackups(ctx);
    expect(listed.map((b) => b.id).sort()).toEqual([first, second].sort());
    const one = await testProvider.getBackup(ctx, first);
    const wire = juju.sim().state.backups.find((b) => b.id === first)!;
    expect(one).toMatchObject({
      id: first,
      name: 'first',
      state: 'available',
      statusText: 'stored',
      sizeBytes: wire.size,
      createdAt: new Date(wire.started).toISOString(),
      version: '2.8.10',
      device: wire.hostname,
      platform: 'focal',
    });
    expect(one.details).toMatchObject({ checksum: wire.checksum, 'checksum-format': 'SHA-1, base64 encoded', 'ha-nodes': 1, 'ca-cert': 'in the metadata (not shown)', model: juju.sim().controllerModelUuid });
    expect(wire['ca-private-key']).toContain('PRIVATE KEY');
    expect(JSON.stringify([listed, one])).not.toMatch(/PRIVATE KEY|ca-private-key|BEGIN CERTIFICATE/);
  });

  it('logs neither the CA private key nor the password', async () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', sink: (line) => lines.push(line) });
    const ctx = { ...juju.context(), log };
    const { backupId } = await testProvider.createBackup(ctx, recordOperation().op, { notes: 'logged' }, juju.sink());
    await testProvider.listBackups(ctx);
    await testProvider.getBackup(ctx, backupId!);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/PRIVATE KEY|ca-private-key/);
    expect(lines.join('\n')).not.toContain(juju.sim().credentials.admin.password);
  });

  it('removes one with Remove {ids}', async () => {
    const id = await createOne('to remove');
    const recorded = recordOperation();
    const outcome = await testProvider.deleteBackup(juju.context(), id, recorded.op);
    expect(outcome).toEqual({ state: 'succeeded', outcome: `Removed backup ${id} from the controller.`, backupId: id });
    expect(juju.sim().state.requests.find((r) => r.call === 'Backups(2).Remove')?.params).toEqual({ ids: [id] });
    expect(juju.sim().state.backups).toEqual([]);
  });

  it('explains why an unknown backup cannot be read or removed', async () => {
    const ctx = juju.context();
    expect(await rejectionOf(testProvider.getBackup(ctx, 'nope'))).toMatchObject({ code: 'not-found', message: 'The controller could not read backup nope: backup metadata "nope" not found.' });
    expect(await rejectionOf(testProvider.deleteBackup(ctx, 'nope', recordOperation().op))).toMatchObject({ code: 'not-found', message: expect.stringContaining('remove backup nope') });
  });

  it('downloads a stored backup by id as often as asked, verified each time', async () => {
    const id = await createOne('download me');
    for (const name of ['one.tar.gz', 'two.tar.gz']) {
      const sink = juju.sink(name);
      const outcome = await testProvider.downloadBackup!(juju.context(), id, sink, recordOperation().op);
      expect(outcome.outcome).toBe(`Saved backup ${id} to ${sink.destination}; its SHA-1 matched the controller's checksum.`);
      expect(statSync(sink.destination).size).toBe(256 * 1024);
    }
    expect(juju.sim().state.downloads.map((d) => d.id)).toEqual([id, id]);
    expect(juju.sim().state.requests.filter((r) => r.kind === 'http').map((r) => r.outcome)).toEqual([200, 200]);
  });

  it('refuses a backup that is neither kept nor downloaded', async () => {
    const error = await rejectionOf(testProvider.createBackup(juju.context(), recordOperation().op, { keep_copy: false }));
    expect(error).toMatchObject({ code: 'validation', message: 'A backup that is neither kept on the controller nor downloaded would be lost.' });
    expect(juju.sim().state.created).toEqual([]);
  });
});

describe('Juju 3.6 keeps no backups', () => {
  const juju = useJujuSim({ version: '3.6.14' });

  it('cannot download a backup this app did not create, and says so', async () => {
    const error = await rejectionOf(testProvider.downloadBackup!(juju.context(), '20240101-120000.abc', juju.sink(), recordOperation().op));
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('cannot look backups up') });
  });

  it('downloads a backup created earlier in this session by its filename, once', async () => {
    const ctx = juju.context();
    const { backupId } = await testProvider.createBackup(ctx, recordOperation().op, {});
    const sink = juju.sink();
    const outcome = await testProvider.downloadBackup!(ctx, backupId!, sink, recordOperation().op);
    expect(outcome.outcome).toContain('The controller deleted its copy after this download.');
    expect(juju.sim().state.downloads[0]!.id).toBe(juju.sim().state.created[0]!.filename);
    expect(await testProvider.listBackups(ctx)).toEqual([]);
  });

  it('refuses delete', async () => {
    const error = await rejectionOf(testProvider.deleteBackup(juju.context(), 'x', recordOperation().op));
    expect(error).toMatchObject({ code: 'unsupported', message: 'Juju 3.6.14 keeps no backups in the controller, so there is nothing to delete.' });
  });
});

describe('cancelling a download', () => {
  const juju = useJujuSim({ version: '2.8.10', archiveBytes: 16 * 1024 * 1024 });

  it('stops the transfer and leaves no file; the backup stays on the controller', async () => {
    const { backupId } = await testProvider.createBackup(juju.context(), recordOperation().op, {});
    const recorded = recordOperation();
    const op = { ...recorded.op, progress: (update: { bytesDone?: number }) => (update.bytesDone ? recorded.controller.abort() : undefined) };
    const error = await rejectionOf(testProvider.downloadBackup!(juju.context(), backupId!, juju.sink(), op));
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(readdirSync(juju.folder())).toEqual([]);
    expect(juju.sim().state.backups.map((b) => b.id)).toEqual([backupId]);
  });
});
