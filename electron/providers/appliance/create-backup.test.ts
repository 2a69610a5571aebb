import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApplianceProvider } from './provider';
import { fastTimings, recordOperation, rejectionOf, testProvider, useApplianceSim, withApplianceSim } from './test-support/harness';

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
