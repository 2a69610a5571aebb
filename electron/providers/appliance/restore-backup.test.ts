import { describe, expect, it } from 'vitest';
import { restoreEnded } from './follow-restore';
import { createApplianceProvider } from './provider';
import { parseRemoteRef } from './remote-ref';
import { fastTimings, recordOperation, rejectionOf, testProvider, useApplianceSim, waitUntil } from './test-support/harness';

const shared = useApplianceSim({ seededBackups: 1 });

/** A short reboot: refused connections, then a box that accepts connections but answers nothing. */
function shortReboot(): void {
  shared.sim().faults.rebootRefuseMs = 250;
  shared.sim().faults.rebootHangMs = 250;
}

const milestonesOf = (rec: ReturnType<typeof recordOperation>) => rec.progress.filter((p) => p.milestone).map((p) => p.stage);

describe('restoring a backup', () => {
  it('rides out the reboot, signs in again and reports the restore completed, with its milestones in order', async () => {
    shortReboot();
    const id = shared.sim().state.backups[0]!.id;
    const rec = recordOperation();
    const done = await testProvider.restoreBackup(shared.context(), id, rec.op);
    expect(done).toMatchObject({ state: 'succeeded', backupId: id, outcome: expect.stringMatching(/^Restored the appliance from backup \d+: it rebooted and reports the restore completed at \d{4}-/) });
    expect(milestonesOf(rec)).toEqual(['Restore started', 'Appliance rebooting', 'Signing in again', 'Appliance back']);
    expect(shared.sim().state.restores).toBe(1);
    expect(parseRemoteRef(rec.remoteRefs[0])).toMatchObject({ op: 'restore', backupId: id, lastRestoreTimeBefore: 0 });
    const restore = shared.sim().state.requests.find((r) => r.path.endsWith('/restore'))!;
    expect(restore).toMatchObject({ method: 'POST', status: 202, authorization: 'bearer' });
    expect(restore.contentType).toBeUndefined();
  });

  it('follows restore_status when the appliance drops the connection instead of answering the restore request', async () => {
    shortReboot();
    shared.sim().faults.dropAnswer = 'restore';
    const id = shared.sim().state.backups[0]!.id;
    const rec = recordOperation();
    const ctx = shared.context();
    const done = await testProvider.restoreBackup(ctx, id, rec.op);
    expect(shared.sim().state.requests.find((r) => r.path.endsWith('/restore'))).toMatchObject({ method: 'POST', status: 0 });
    expect(done).toMatchObject({ state: 'succeeded', backupId: id, outcome: expect.stringMatching(/^Restored the appliance from backup \d+: it rebooted and reports the restore completed at/) });
    expect(milestonesOf(rec)).toEqual(['Restore started', 'Appliance rebooting', 'Signing in again', 'Appliance back']);
    expect(shared.sim().state.restores).toBe(1);
    expect(shared.logLines().join('\n')).toMatch(/The restore request got no answer/);
  });

  it('succeeds with the appliance’s words when it completes with errors', async () => {
    shortReboot();
    shared.sim().faults.restoreOutcome = 'completed_with_errors';
    const done = await testProvider.restoreBackup(shared.context(), shared.sim().state.backups[0]!.id, recordOperation().op);
    expect(done.state).toBe('succeeded');
    expect(done.outcome).toMatch(/but reports errors: "Restore completed with errors: some settings could not be applied \(simulated\)"\. Check on the appliance/);
  });

  it('fails with the appliance’s status_message when the restore fails', async () => {
    shortReboot();
    shared.sim().faults.restoreOutcome = 'failed';
    const error = await rejectionOf(testProvider.restoreBackup(shared.context(), shared.sim().state.backups[0]!.id, recordOperation().op));
    expect(error).toMatchObject({ code: 'server-error', message: expect.stringMatching(/restoring backup \d+ failed: "Restore failed: the backup could not be applied; the previous configuration was kept \(simulated\)"/) });
  });

  it('tells a second restore from the first by last_restore_time', async () => {
    shortReboot();
    const id = shared.sim().state.backups[0]!.id;
    await testProvider.restoreBackup(shared.context(), id, recordOperation().op);
    const first = shared.sim().state.restoreStatus.last_restore_time;
    shared.sim().faults.restoreOutcome = 'failed';
    // 'completed' with the first restore's time is already there; only the new 'failed' may end this one.
    await waitUntil(() => Math.floor(Date.now() / 1000) > first, 'the appliance clock moved on a second');
    const error = await rejectionOf(testProvider.restoreBackup(shared.context(), id, recordOperation().op));
    expect(error.message).toMatch(/failed/);
    expect(shared.sim().state.restores).toBe(2);
  });

  it('stops waiting after its limit with an unknown ending that says what to check', async () => {
    shared.sim().faults.rebootRefuseMs = 5_000;
    const provider = createApplianceProvider({ ...fastTimings, rebootLimitMs: 2_500 });
    const rec = recordOperation();
    const done = await provider.restoreBackup(shared.context(), shared.sim().state.backups[0]!.id, rec.op);
    expect(done).toMatchObject({ state: 'unknown', outcome: expect.stringMatching(/^Stopped waiting after \d+ s: the appliance went down to reboot and has not reported the end of the restore since \(last: .*\)\..*Check the appliance's console; GET \/api\/npm\.backup\/1\.0\/restore_status/) });
    expect(milestonesOf(rec)).toEqual(['Restore started', 'Appliance rebooting']);
  });

  it('stops polling when Backup Console closes, and picks the restore up again from its remote ref', async () => {
    shared.sim().faults.rebootRefuseMs = 400;
    const id = shared.sim().state.backups[0]!.id;
    const rec = recordOperation();
    const running = testProvider.restoreBackup(shared.context(), id, rec.op);
    await waitUntil(() => shared.sim().state.rebooting, 'the appliance is rebooting');
    rec.controller.abort();
    expect(await running).toMatchObject({ state: 'unknown', outcome: expect.stringMatching(/stopped waiting for the restore of backup \d+ as it was closing.*checks its restore status again when it starts/) });
    const resumed = recordOperation();
    const done = await testProvider.resume(shared.context(), { kind: 'restore', backupId: id, remoteRef: rec.remoteRefs[0] }, resumed.op);
    expect(done).toMatchObject({ state: 'succeeded', backupId: id });
    expect(milestonesOf(resumed)).toContain('Appliance back');
  });

  it('refuses a backup made with another software version before asking the appliance', async () => {
    const ctx = shared.context();
    const up = await testProvider.uploadBackup!(ctx, await shared.backupFile(32 * 1024, { sw_version: '11.12.0' }), recordOperation().op);
    const error = await rejectionOf(testProvider.restoreBackup(ctx, up.backupId!, recordOperation().op));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringMatching(/made with software 11\.12\.0, and this appliance runs 11\.13\.0: an appliance restores only backups made with its own software version/) });
    expect(shared.sim().state.requests.filter((r) => r.path.endsWith('/restore'))).toEqual([]);
  });

  it('sends nothing while the appliance reports another restore under way', async () => {
    shared.sim().faults.restoreUnderWay = true;
    const error = await rejectionOf(testProvider.restoreBackup(shared.context(), shared.sim().state.backups[0]!.id, recordOperation().op));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^The appliance reports a restore or factory reset under way \("Restore in progress"\), so Backup Console did not restore backup \d+/), hint: expect.stringMatching(/^Wait until it ends/) });
    expect(shared.sim().state.requests.filter((r) => r.path.endsWith('/restore'))).toEqual([]);
  });

  it('refuses options and unknown backups', async () => {
    const ctx = shared.context();
    expect(await rejectionOf(testProvider.restoreBackup(ctx, '1', recordOperation().op, { target: 'x' }))).toMatchObject({ code: 'validation' });
    expect(await rejectionOf(testProvider.restoreBackup(ctx, '999', recordOperation().op))).toMatchObject({ code: 'not-found' });
  });
});

describe('the end of a restore', () => {
  it('needs an end status and a last_restore_time newer than the one read before, whatever this computer’s clock says', () => {
    expect(restoreEnded({ status: 'completed', last_restore_time: 1602540247 }, 0)).toBe(true);
    expect(restoreEnded({ status: 'completed', last_restore_time: 1602540247 }, 1602540247)).toBe(false);
    expect(restoreEnded({ status: 'started', last_restore_time: 1702540247 }, 1602540247)).toBe(false);
    expect(restoreEnded({ status: 'completed_with_errors', last_restore_time: 1702540247 }, 1602540247)).toBe(true);
    expect(restoreEnded({ status: 'failed', last_restore_time: 5 }, 0)).toBe(true);
    expect(restoreEnded({ status: 'not_run', last_restore_time: 0 }, 0)).toBe(false);
  });
});
