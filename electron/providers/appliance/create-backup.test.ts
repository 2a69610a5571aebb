import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createApplianceProvider } from './provider';
import { fastTimings, recordOperation, rejectionOf, testProvider, useApplianceSim, waitUntil, withApplianceSim } from './test-support/harness';

/** How the core's job runner aborts an operation when the operator cancels it. */
const operatorCancel = () => new AppError('cancelled', 'Cancelled by the user.');

const shared = useApplianceSim({ seededBackups: 1 });

describe('creating a backup', () => {
  it('posts the description, follows the backup until completed, and says the appliance gives no percentage', async () => {
    const ctx = shared.context();
    const rec = recordOperation();
    const done = await testProvider.createBackup(ctx, rec.op, { description: '  before the upgrade  ' });
    const made = shared.sim().state.backups.find((b) => b.description === 'before the upgrade');
    expect(made).toMatchObject({ status: 'completed' });
    expect(done).toMatchObject({ state: 'succeeded', backupId: made!.id, outcome: expect.stringMatching(/^The appliance made backup \d+ \("before the upgrade"\) \(\d+(\.\d)? KiB\)/) });
    expect(rec.backupIds).toEqual([made!.id]);
    expect(rec.remoteRefs).toEqual([expect.stringMatching(new RegExp(`^create/\\d+/${made!.id}$`))]);
    expect(rec.progress.some((p) => /status started.*It reports no percentage/.test(p.stage ?? ''))).toBe(true);
    expect(rec.progress.every((p) => p.fraction === undefined)).toBe(true);
    const post = shared.sim().state.requests.find((r) => r.method === 'POST' && r.path === '/api/npm.backup/1.0/backups');
    expect(post).toMatchObject({ contentType: 'application/json', status: 201 });
  });

  it('ends with the appliance status_message when the backup fails', async () => {
    shared.sim().faults.createFails = 'Not enough disk space in /data';
    const error = await rejectionOf(testProvider.createBackup(shared.context(), recordOperation().op, {}));
    expect(error).toMatchObject({ code: 'server-error', message: expect.stringContaining('failed: "Not enough disk space in /data"'), hint: expect.stringMatching(/delete it/) });
  });

  it('turns the two-backup refusal into a conflict that says to delete one first', async () => {
    const ctx = shared.context();
    await testProvider.createBackup(ctx, recordOperation().op, { description: 'second' });
    const error = await rejectionOf(testProvider.createBackup(ctx, recordOperation().op, { description: 'third' }));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/appliances keep two backups at most/), hint: expect.stringMatching(/Delete one/) });
    expect(error.message).toContain('[BACKUP_LIMIT_REACHED]');
  });

  it('rides out brief 5xx answers while it follows the backup', async () => {
    const rec = recordOperation({ onBackupId: () => (shared.sim().faults.unavailable = 3) });
    const done = await testProvider.createBackup(shared.context(), rec.op, {});
    expect(done.state).toBe('succeeded');
    expect(shared.sim().state.requests.filter((r) => r.status === 503)).toHaveLength(3);
    expect(rec.progress.some((p) => /not answering.*still trying/.test(p.stage ?? ''))).toBe(true);
  });

  it('downloads the new backup right away when asked, with its SHA-256 in the outcome', async () => {
    const sink = shared.sink();
    const done = await testProvider.createBackup(shared.context(), recordOperation().op, { description: 'keep a copy' }, sink);
    const saved = readFileSync(sink.destination);
    const sha = createHash('sha256').update(saved).digest('hex');
    expect(saved.length).toBe(shared.sim().state.backups.find((b) => b.description === 'keep a copy')!.size);
    expect(done.outcome).toContain(`Saved backup`);
    expect(done.outcome).toContain(`SHA-256 of the saved file is ${sha}`);
  });

  it('follows the new backup when the appliance drops the connection instead of answering the create', async () => {
    const ctx = shared.context();
    const before = shared.sim().state.backups.map((b) => b.id);
    shared.sim().faults.dropAnswer = 'create';
    const rec = recordOperation();
    const done = await testProvider.createBackup(ctx, rec.op, { description: 'answer dropped' });
    const post = shared.sim().state.requests.find((r) => r.method === 'POST' && r.path === '/api/npm.backup/1.0/backups');
    expect(post).toMatchObject({ status: 0 });
    const made = shared.sim().state.backups.find((b) => !before.includes(b.id))!;
    expect(made).toMatchObject({ description: 'answer dropped', status: 'completed' });
    expect(done).toMatchObject({ state: 'succeeded', backupId: made.id, outcome: expect.stringMatching(/^The appliance made backup \d+ \("answer dropped"\)/) });
    expect(rec.backupIds).toEqual([made.id]);
    expect(rec.progress.some((p) => /^The create request got no answer, but the appliance now lists backup \d+ \("answer dropped"\) \(status started\): following it$/.test(p.stage ?? ''))).toBe(true);
  });

  it('on a cancel while the appliance makes the backup, says it goes on and will be listed, and keeps no file', async () => {
    await withApplianceSim({ timeScale: 1, seededBackups: 1 }, async (sim, context) => {
      const sink = shared.sink();
      const rec: ReturnType<typeof recordOperation> = recordOperation({ onBackupId: () => rec.controller.abort(operatorCancel()) });
      const done = await testProvider.createBackup(context().ctx, rec.op, { description: 'cancelled' }, sink);
      const made = sim.state.backups.find((b) => b.description === 'cancelled')!;
      expect(made.status).toBe('started');
      expect(done).toMatchObject({ state: 'cancelled', backupId: made.id });
      expect(done.outcome).toMatch(new RegExp(`^Cancelled: Backup Console stopped following backup ${made.id} and saved no file\\. The appliance has no cancel and goes on making the backup on its own; it lists it \\(it counts toward the two-backup limit\\)`));
      expect(done.outcome).not.toMatch(/as it was closing/);
      expect(readdirSync(dirname(sink.destination))).toEqual([]);
    });
  });

  it('on a cancel while it downloads the new backup, says the backup stays listed and no file was kept', async () => {
    shared.sim().faults.slowLinkBytesPerSecond = 32 * 1024;
    const sink = shared.sink();
    const rec = recordOperation();
    const running = testProvider.createBackup(shared.context(), rec.op, { description: 'download cancelled' }, sink);
    await waitUntil(() => rec.progress.some((p) => p.stage?.startsWith('Downloading') && (p.bytesDone ?? 0) > 0), 'the download started');
    rec.controller.abort(operatorCancel());
    const done = await running;
    const made = shared.sim().state.backups.find((b) => b.description === 'download cancelled')!;
    expect(done).toMatchObject({ state: 'cancelled', backupId: made.id });
    expect(done.outcome).toMatch(/^The appliance made backup \d+ \("download cancelled"\).* Cancelled the download after .+; no file was kept\. The backup stays listed on the appliance/);
    expect(readdirSync(dirname(sink.destination))).toEqual([]);
  });

  it('on a cancel before the create was answered, checks the list: nothing started', async () => {
    const ctx = shared.context();
    const before = shared.sim().state.backups.map((b) => b.id);
    const rec = recordOperation();
    const send = ctx.http.request.bind(ctx.http);
    vi.spyOn(ctx.http, 'request').mockImplementation((req) => {
      // The operator cancels just as the create goes out: it never reaches the appliance.
      if (req.method === 'POST' && req.path.endsWith('npm.backup/1.0/backups')) rec.controller.abort(operatorCancel());
      return send(req);
    });
    const done = await testProvider.createBackup(ctx, rec.op, { description: 'never sent' }, shared.sink());
    expect(done).toEqual({ state: 'cancelled', outcome: 'Cancelled before the appliance started a backup: it lists no new one. No file was saved.' });
    expect(shared.sim().state.backups.map((b) => b.id)).toEqual(before);
  });

  it('on a cancel while the create went unanswered, checks the list and names the backup the appliance started anyway', async () => {
    const ctx = shared.context();
    shared.sim().faults.dropAnswer = 'create';
    const rec = recordOperation();
    const send = ctx.http.request.bind(ctx.http);
    vi.spyOn(ctx.http, 'request').mockImplementation(async (req) => {
      try {
        return await send(req);
      } catch (error) {
        // The operator cancels while the dropped create is still without an answer.
        if (req.method === 'POST') rec.controller.abort(operatorCancel());
        throw error;
      }
    });
    const done = await testProvider.createBackup(ctx, rec.op, { description: 'started anyway' });
    const made = shared.sim().state.backups.find((b) => b.description === 'started anyway')!;
    expect(done).toMatchObject({ state: 'cancelled', backupId: made.id });
    expect(done.outcome).toMatch(new RegExp(`^Cancelled, but the appliance had already started backup ${made.id} \\("started anyway"\\) \\(status started\\); it has no cancel, goes on making it and lists it`));
  });

  it('refuses options the appliance does not take', async () => {
    const ctx = shared.context();
    expect(await rejectionOf(testProvider.createBackup(ctx, recordOperation().op, { description: 'x'.repeat(251) }))).toMatchObject({ code: 'validation', message: expect.stringMatching(/250 characters/) });
    expect(await rejectionOf(testProvider.createBackup(ctx, recordOperation().op, { name: 'x' }))).toMatchObject({ code: 'validation', message: expect.stringMatching(/Unknown option name/) });
    expect(shared.sim().state.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('is picked up again after a restart from its remote ref', async () => {
    // The app stops while the appliance makes the backup: the signal aborts once the backup is known.
    const first: ReturnType<typeof recordOperation> = recordOperation({ onBackupId: () => first.controller.abort() });
    const stopped = await testProvider.createBackup(shared.context(), first.op, { description: 'resumed' });
    expect(stopped).toMatchObject({ state: 'unknown', outcome: expect.stringMatching(/stopped following backup \d+.*goes on making the backup/) });
    // Not the operator's cancel (the signal carries no such reason): said neutrally, with no guess at why.
    expect(stopped.outcome).not.toMatch(/as it was closing|Cancelled/);
    const again = recordOperation();
    const done = await testProvider.resume(shared.context(), { kind: 'create', remoteRef: first.remoteRefs[0] }, again.op);
    expect(done).toMatchObject({ state: 'succeeded', backupId: first.backupIds[0] });
    expect(again.backupIds).toEqual(first.backupIds);
  });

  it('stops following after its limit with an unknown ending that says what to check', async () => {
    await withApplianceSim({ timeScale: 1 }, async (_sim, context) => {
      const provider = createApplianceProvider({ ...fastTimings, createLimitMs: 150 });
      const done = await provider.createBackup(context().ctx, recordOperation().op, { description: 'slow' });
      expect(done).toMatchObject({ state: 'unknown', outcome: expect.stringMatching(/Stopped following backup \d+ after \d+ s \(last status: started\).*Check backup \d+ in the appliance's backup list/) });
    });
  });
});
