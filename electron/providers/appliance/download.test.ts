import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDownloadSink } from '../../core/files/download-sink';
import { sessionOf } from './session';
import { recordOperation, rejectionOf, testProvider, useApplianceSim, waitUntil, withApplianceSim } from './test-support/harness';

const shared = useApplianceSim({ seededBackups: 1, seededBackupBytes: 96 * 1024 });

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('downloading a backup', () => {
  it('streams the file into the sink with byte progress, commits it and gives its SHA-256', async () => {
    const wire = shared.sim().state.backups[0]!;
    const sink = shared.sink();
    const rec = recordOperation();
    const done = await testProvider.downloadBackup!(shared.context(), wire.id, sink, rec.op);
    const saved = readFileSync(sink.destination);
    expect(saved.length).toBe(wire.size);
    expect(saved.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(done).toMatchObject({ state: 'succeeded', backupId: wire.id });
    expect(done.outcome).toContain(`to ${sink.destination}`);
    expect(done.outcome).toContain(`SHA-256 of the saved file is ${sha256(saved)}`);
    const last = rec.progress.at(-1)!;
    expect(last).toMatchObject({ bytesDone: wire.size, bytesTotal: wire.size, fraction: 1 });
    expect(last.stage).toMatch(/^Downloading \d+(\.\d)? KiB of \d+(\.\d)? KiB$/);
    expect(readdirSync(dirname(sink.destination))).toEqual(['appliance.backup.tgz']);
  });

  it('gives back exactly the bytes that were uploaded', async () => {
    const ctx = shared.context();
    const file = await shared.backupFile(80 * 1024);
    const up = await testProvider.uploadBackup!(ctx, file, recordOperation().op);
    const sink = shared.sink('round-trip.tgz');
    await testProvider.downloadBackup!(ctx, up.backupId!, sink, recordOperation().op);
    expect(sha256(readFileSync(sink.destination))).toBe(sha256(readFileSync(file.path)));
  });

  it('says where a dropped connection broke the download off, and keeps nothing', async () => {
    const wire = shared.sim().state.backups[0]!;
    shared.sim().faults.dropDownloadAfterBytes = 20_000;
    const sink = shared.sink();
    const error = await rejectionOf(testProvider.downloadBackup!(shared.context(), wire.id, sink, recordOperation().op));
    expect(error).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/^The download broke off after \d+(\.\d)? KiB of \d+(\.\d)? KiB; nothing was kept/), hint: expect.stringMatching(/download it again/) });
    expect(readdirSync(dirname(sink.destination))).toEqual([]);
  });

  it('ends a download that stalls for one endpoint timeout, keeping nothing', async () => {
    const wire = shared.sim().state.backups[0]!;
    shared.sim().faults.slowLinkBytesPerSecond = 600;
    const sink = shared.sink();
    const error = await rejectionOf(testProvider.downloadBackup!(shared.context({ timeoutMs: 500 }), wire.id, sink, recordOperation().op));
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/^The download stalled: no data for 0.5 s after .* of .*; nothing was kept/) });
    expect(existsSync(sink.destination)).toBe(false);
    expect(readdirSync(dirname(sink.destination))).toEqual([]);
  });

  it('stops when cancelled and removes the partial file', async () => {
    const wire = shared.sim().state.backups[0]!;
    shared.sim().faults.slowLinkBytesPerSecond = 64 * 1024;
    const sink = shared.sink();
    const rec = recordOperation();
    const running = testProvider.downloadBackup!(shared.context(), wire.id, sink, rec.op);
    await waitUntil(() => rec.progress.some((p) => (p.bytesDone ?? 0) > 0), 'some bytes arrived');
    rec.controller.abort();
    expect(await rejectionOf(running)).toMatchObject({ code: 'cancelled', message: expect.stringMatching(/^Download cancelled after .*; the partial file was removed\. The backup stays on the appliance\./) });
    expect(readdirSync(dirname(sink.destination))).toEqual([]);
  });

  it('finishes a download that outlives its token', async () => {
    await withApplianceSim({ tokenLifetimeSeconds: 1, seededBackups: 1, seededBackupBytes: 160 * 1024 }, async (sim, context) => {
      const { ctx } = context();
      const wire = sim.state.backups[0]!;
      sim.faults.slowLinkBytesPerSecond = 64 * 1024;
      const sink = shared.sink();
      const started = Date.now();
      const done = await testProvider.downloadBackup!(ctx, wire.id, sink, recordOperation().op);
      const session = sessionOf(ctx)!;
      // The token the download started with had expired long before the last byte arrived.
      expect(Date.now() - started).toBeGreaterThan(2_000);
      expect(Date.now()).toBeGreaterThan(session.obtainedAtMs + session.lifetimeMs);
      expect(done.state).toBe('succeeded');
      expect(readFileSync(sink.destination).length).toBe(wire.size);
      expect(sim.state.requests.find((r) => r.path.endsWith('/file'))).toMatchObject({ status: 200, authorization: 'bearer' });
      // And the next call simply signs in again (no refresh token is asked for).
      await testProvider.listBackups(ctx);
      expect(sim.state.requests.filter((r) => r.status === 401)).toEqual([]);
    });
  });

  it('refuses a proxy page answered with 200 instead of the file, and keeps nothing', async () => {
    const wire = shared.sim().state.backups[0]!;
    shared.sim().faults.downloadAnswer = 'html-page';
    const sink = shared.sink();
    const error = await rejectionOf(testProvider.downloadBackup!(shared.context(), wire.id, sink, recordOperation().op));
    expect(error).toMatchObject({
      code: 'bad-response',
      message: expect.stringMatching(/^The appliance answered the download of backup \d+ .*with an HTML page \(Content-Type text\/html; charset=utf-8\): "Sign in to continue Web proxy Your session has expired.*" instead of the backup archive \(a backup file starts with the gzip signature 1f 8b\); nothing was kept\.$/),
      hint: expect.stringMatching(/not a proxy or a sign-in page/),
    });
    expect(readdirSync(dirname(sink.destination))).toEqual([]);
  });

  it('refuses a JSON error answered with 200 instead of the file, quoting it, and keeps nothing', async () => {
    const wire = shared.sim().state.backups[0]!;
    shared.sim().faults.downloadAnswer = 'json-error';
    const sink = shared.sink();
    const error = await rejectionOf(testProvider.downloadBackup!(shared.context(), wire.id, sink, recordOperation().op));
    expect(error).toMatchObject({ code: 'bad-response', message: expect.stringMatching(/with a JSON document \(Content-Type application\/json\): "The file of backup \d+ could not be read \(simulated\)" \[INTERNAL_ERROR\] instead of the backup archive.*nothing was kept/) });
    expect(readdirSync(dirname(sink.destination))).toEqual([]);
  });

  it('keeps a file sent without a Content-Length and says there was no length to check against', async () => {
    const wire = shared.sim().state.backups[0]!;
    shared.sim().faults.downloadAnswer = 'unsized';
    const sink = shared.sink();
    const done = await testProvider.downloadBackup!(shared.context(), wire.id, sink, recordOperation().op);
    expect(readFileSync(sink.destination).length).toBe(wire.size);
    expect(done.state).toBe('succeeded');
    expect(done.outcome).toContain('The appliance sent no length (Content-Length) to check the download against, so the file holds what arrived.');
    expect(done.outcome).not.toMatch(/its list gives/);
  });

  it('without a Content-Length, keeps what arrived and names a listed size that differs, without failing', async () => {
    const wire = shared.sim().state.backups[0]!;
    shared.sim().faults.downloadAnswer = 'unsized-short';
    const sink = shared.sink();
    const done = await testProvider.downloadBackup!(shared.context(), wire.id, sink, recordOperation().op);
    const saved = readFileSync(sink.destination);
    expect(saved.length).toBe(wire.size - 1024);
    expect(done.state).toBe('succeeded');
    expect(done.outcome).toContain(
      `The appliance sent no length (Content-Length) to check the download against, so the file holds what arrived; its list gives ${wire.size.toLocaleString('en-US')} bytes for this backup and ${saved.length.toLocaleString('en-US')} arrived`,
    );
    expect(done.outcome).toContain(`SHA-256 of the saved file is ${sha256(saved)}`);
  });

  it('ends the transfer at once when the file cannot even be opened here', async () => {
    const wire = shared.sim().state.backups[0]!;
    // Paced so that the appliance would still be sending for seconds if the answer were left open.
    shared.sim().faults.slowLinkBytesPerSecond = 16 * 1024;
    const sink = openDownloadSink(join(tmpdir(), `no-such-folder-${process.pid}-${Date.now()}`, 'backup.tgz'));
    const error = await rejectionOf(testProvider.downloadBackup!(shared.context(), wire.id, sink, recordOperation().op));
    expect(error).toMatchObject({ code: 'local-file', message: expect.stringMatching(/The folder for .* is gone/) });
    const file = () => shared.sim().state.requests.find((r) => r.path.endsWith('/file'));
    // The request log sets the status when the appliance's side of the connection closes.
    await waitUntil(() => file()?.status === 200, 'the appliance saw the download connection close', 2_000);
  });

  it('refuses a backup that does not exist', async () => {
    expect(await rejectionOf(testProvider.downloadBackup!(shared.context(), '999', shared.sink(), recordOperation().op))).toMatchObject({ code: 'not-found' });
  });
});
