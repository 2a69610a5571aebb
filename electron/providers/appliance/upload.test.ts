import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { recordOperation, rejectionOf, testProvider, useApplianceSim, waitUntil, withApplianceSim } from './test-support/harness';

const shared = useApplianceSim({ seededBackups: 1 });

const uploads = () => shared.sim().state.requests.filter((r) => r.path === '/api/npm.backup/1.0/backups/upload');

describe('uploading a backup file', () => {
  it('streams the file as application/octet-stream with byte progress, then follows it to completed', async () => {
    const file = await shared.backupFile(200 * 1024);
    const rec = recordOperation();
    const done = await testProvider.uploadBackup!(shared.context(), file, rec.op);
    const listed = shared.sim().state.backups.find((b) => b.id === done.backupId);
    expect(listed).toMatchObject({ status: 'completed', size: file.sizeBytes, description: 'uploaded by a test', sw_version: '11.13.0' });
    expect(done).toMatchObject({ state: 'succeeded', outcome: expect.stringMatching(/^Uploaded upload\.backup\.tgz \(\d+(\.\d)? KiB\); the appliance lists it as backup \d+ \("uploaded by a test"\) \(made on appresponse-sim, software 11\.13\.0\), completed\.$/) });
    expect(rec.backupIds).toEqual([done.backupId]);
    const bytes = rec.progress.filter((p) => p.bytesDone !== undefined);
    expect(bytes.at(-1)).toMatchObject({ bytesDone: file.sizeBytes, bytesTotal: file.sizeBytes, fraction: 1 });
    expect(bytes.length).toBeGreaterThan(2);
    expect(bytes.every((p, i) => i === 0 || p.bytesDone! >= bytes[i - 1]!.bytesDone!)).toBe(true);
    expect(uploads()).toEqual([expect.objectContaining({ method: 'POST', contentType: 'application/octet-stream', authorization: 'bearer', status: 201 })]);
  });

  it('says the appliance kept nothing when the connection drops mid-upload', async () => {
    const before = shared.sim().state.backups;
    shared.sim().faults.dropUploadAfterBytes = 50_000;
    const file = await shared.backupFile(200 * 1024);
    const error = await rejectionOf(testProvider.uploadBackup!(shared.context(), file, recordOperation().op));
    expect(error).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/^The upload of upload\.backup\.tgz broke off after .* of .*\. The appliance kept nothing\.$/) });
    expect(shared.sim().state.backups).toEqual(before);
  });

  it('stops when the local file cannot be read to the end, and says what the appliance kept', async () => {
    const before = shared.sim().state.backups;
    const file = await shared.backupFile(200 * 1024);
    const head = readFileSync(file.path).subarray(0, 64 * 1024);
    // The core's source re-checks the file as it is read; here the file breaks off after 64 KiB.
    async function* breaksOff() {
      yield head;
      throw new AppError('local-file', 'upload.backup.tgz changed while it was being read.', 'Choose the file again.');
    }
    const error = await rejectionOf(testProvider.uploadBackup!(shared.context(), { ...file, open: () => Readable.from(breaksOff()) }, recordOperation().op));
    expect(error).toMatchObject({ code: 'local-file', message: expect.stringMatching(/^upload\.backup\.tgz changed while it was being read; the upload stopped after .* of .*\. The appliance kept nothing\.$/), hint: 'Choose the file again.' });
    expect(shared.sim().state.backups).toEqual(before);
  });

  it('stops cleanly when the file fails on its very first read, before the request is under way', async () => {
    const before = shared.sim().state.backups;
    const file = await shared.backupFile(200 * 1024);
    // Replaced since it was checked: the core's source refuses it at once, while the app is still signing in.
    async function* notGzipAnyMore(): AsyncGenerator<Buffer> {
      yield* [];
      throw new AppError('validation', 'upload.backup.tgz is not a gzip archive any more.', 'Choose the file again.');
    }
    const error = await rejectionOf(testProvider.uploadBackup!(shared.context(), { ...file, open: () => Readable.from(notGzipAnyMore()) }, recordOperation().op));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringMatching(/^upload\.backup\.tgz is not a gzip archive any more; the upload stopped after 0 B of .*\. The appliance kept nothing\.$/) });
    expect(shared.sim().state.backups).toEqual(before);
  });

  it('turns the two-backup refusal into a conflict', async () => {
    const ctx = shared.context();
    await testProvider.createBackup(ctx, recordOperation().op, { description: 'fills the second slot' });
    const error = await rejectionOf(testProvider.uploadBackup!(ctx, await shared.backupFile(32 * 1024), recordOperation().op));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/appliances keep two backups at most/), hint: expect.stringMatching(/Delete one/) });
  });

  it('makes sure the token has minutes left before it starts streaming', async () => {
    // A 150-second token is fresh by the usual rule, but leaves less than the three minutes an upload wants.
    await withApplianceSim({ tokenLifetimeSeconds: 150 }, async (sim, context) => {
      await testProvider.uploadBackup!(context().ctx, await shared.backupFile(32 * 1024), recordOperation().op);
      const calls = sim.state.requests.filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.status}`);
      // No refresh token is asked for: the token is replaced by signing in again (201) before the upload starts.
      expect(calls).toEqual(['/api/mgmt.aaa/2.0/token 201', '/api/mgmt.aaa/2.0/token 201', '/api/npm.backup/1.0/backups/upload 201']);
    });
  });

  // Last in the file: the simulator releases the cancelled upload's slot only when its paced read loop
  // wakes up (up to one chunk's pacing later), and reset() does not clear it, so a create right after could see the limit.
  it('aborts the transfer when cancelled, and the appliance keeps nothing', async () => {
    const before = shared.sim().state.backups;
    shared.sim().faults.slowLinkBytesPerSecond = 64 * 1024;
    const file = await shared.backupFile(400 * 1024);
    const rec = recordOperation();
    const running = testProvider.uploadBackup!(shared.context(), file, rec.op);
    await waitUntil(() => rec.progress.some((p) => (p.bytesDone ?? 0) > 100 * 1024), 'part of the file went out');
    rec.controller.abort();
    const done = await running;
    expect(done).toMatchObject({ state: 'cancelled', outcome: expect.stringMatching(/^Cancelled the upload of upload\.backup\.tgz after .* of .*\. The appliance kept nothing\.$/) });
    await waitUntil(() => uploads()[0]?.status === 0, 'the simulator saw the transfer end');
    expect(shared.sim().state.backups).toEqual(before);
  });
});
