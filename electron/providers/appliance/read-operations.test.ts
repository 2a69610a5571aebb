import { describe, expect, it } from 'vitest';
import { recordOperation, rejectionOf, testProvider, useApplianceSim } from './test-support/harness';

const shared = useApplianceSim({ seededBackups: 2 });

describe('connection test', () => {
  it('names the device and its software, signed in', async () => {
    const result = await testProvider.testConnection(shared.context());
    expect(result).toMatchObject({ ok: true, serverVersion: 'SCAN-AR-VE 11.13.0', url: `${shared.sim().url}/` });
    expect(result.message).toMatch(/^Signed in to appresponse-sim \(SCAN-AR-VE 11\.13\.0\) as admin; 2 backups stored/);
    // The device info needs no sign-in; the password is proven by a fresh sign-in.
    const first = shared.sim().state.requests[0]!;
    expect(first).toMatchObject({ path: '/api/common/1.0/info', authorization: 'none', status: 200 });
  });

  it('passes the certificate-changed refusal through, with both fingerprints, also on a pooled connection', async () => {
    const ctx = shared.context();
    // A first call leaves a keep-alive connection, which the appliance closes when its certificate changes.
    await testProvider.listBackups(ctx);
    const accepted = shared.sim().fingerprint256;
    shared.sim().regenerateCertificate();
    const error = await rejectionOf(testProvider.testConnection(ctx));
    expect(error.code).toBe('certificate-changed');
    expect(error.message).toContain(accepted);
    expect(error.message).toContain(shared.sim().fingerprint256);
    expect(await rejectionOf(testProvider.listBackups(ctx))).toMatchObject({ code: 'certificate-changed' });
  });

  it('says when the password is wrong', async () => {
    const error = await rejectionOf(testProvider.testConnection(shared.context({ secrets: { password: 'wrong-password' } })));
    expect(error).toMatchObject({ code: 'unauthorized' });
  });
});

describe('list, get and delete', () => {
  it('lists the backups with their wire fields normalised', async () => {
    const backups = await testProvider.listBackups(shared.context());
    const wire = shared.sim().state.backups;
    expect(backups.map((b) => b.id)).toEqual(wire.map((b) => b.id));
    const [first] = backups;
    const raw = wire[0]!;
    expect(first).toMatchObject({
      endpointId: 'ep-appliance',
      state: 'available',
      statusText: 'completed',
      name: raw.description,
      sizeBytes: raw.size,
      createdAt: new Date(raw.backup_time * 1000).toISOString(),
      version: raw.sw_version,
      device: raw.hostname,
      platform: raw.model,
      details: { serial: raw.serial, status_message: raw.status_message },
    });
  });

  it('gets one backup, and says not-found for an unknown id (URL-encoded)', async () => {
    const ctx = shared.context();
    const id = shared.sim().state.backups[1]!.id;
    expect(await testProvider.getBackup(ctx, id)).toMatchObject({ id, state: 'available' });
    const error = await rejectionOf(testProvider.getBackup(ctx, 'no such/backup'));
    expect(error.code).toBe('not-found');
    expect(shared.sim().state.requests.at(-1)!.path).toBe('/api/npm.backup/1.0/backups/items/no%20such%2Fbackup');
  });

  it('deletes a backup (204), and takes a 404 as no longer listed', async () => {
    const ctx = shared.context();
    const id = shared.sim().state.backups[0]!.id;
    const done = await testProvider.deleteBackup(ctx, id, recordOperation().op);
    expect(done).toMatchObject({ state: 'succeeded', backupId: id, outcome: expect.stringMatching(/^Deleted backup/) });
    expect(shared.sim().state.backups.map((b) => b.id)).not.toContain(id);
    const again = await testProvider.deleteBackup(ctx, id, recordOperation().op);
    expect(again).toMatchObject({ state: 'succeeded', outcome: `The appliance no longer lists backup ${id} (it answered 404 Not Found), so it is gone, whether this request or someone else deleted it.` });
  });

  it('does not claim nothing was deleted when its own DELETE was resent after the connection closed', async () => {
    const ctx = shared.context();
    const id = shared.sim().state.backups[0]!.id;
    // The appliance deletes the backup, then closes the connection without answering: the client sends the DELETE once more.
    shared.sim().faults.dropAnswer = 'delete';
    const done = await testProvider.deleteBackup(ctx, id, recordOperation().op);
    const deletes = shared.sim().state.requests.filter((r) => r.method === 'DELETE').map((r) => r.status);
    expect(deletes).toEqual([0, 404]);
    expect(shared.sim().state.backups.map((b) => b.id)).not.toContain(id);
    expect(done.state).toBe('succeeded');
    expect(done.outcome).toMatch(/no longer lists backup \d+/);
    expect(done.outcome).not.toMatch(/nothing was deleted|already gone/);
  });

  it('explains 5xx answers: 503 as busy, 500 as a failure', async () => {
    const ctx = shared.context();
    shared.sim().faults.unavailable = 1;
    expect(await rejectionOf(testProvider.listBackups(ctx))).toMatchObject({ code: 'server-error', message: expect.stringMatching(/busy or unavailable/), hint: expect.stringMatching(/Try again in a few minutes/) });
    shared.sim().faults.serverErrors = 1;
    expect(await rejectionOf(testProvider.listBackups(ctx))).toMatchObject({ code: 'server-error', message: expect.stringMatching(/HTTP 500.*INTERNAL_ERROR/) });
  });
});
