import { describe, expect, it } from 'vitest';
import { createApplianceProvider } from './provider';
import { sessionOf } from './session';
import { fastTimings, recordOperation, rejectionOf, testProvider, useApplianceSim, waitUntil } from './test-support/harness';

const shared = useApplianceSim({ seededBackups: 2 });

const milestonesOf = (rec: ReturnType<typeof recordOperation>) => rec.progress.filter((p) => p.milestone).map((p) => p.stage);

describe('factory reset', () => {
  it('waits for the appliance to come back with a new certificate and says what that means', async () => {
    shared.sim().faults.rebootRefuseMs = 250;
    shared.sim().faults.rebootHangMs = 250;
    const ctx = shared.context();
    const before = shared.sim().fingerprint256;
    const rec = recordOperation();
    const done = await testProvider.factoryReset!(ctx, rec.op);
    const after = shared.sim().fingerprint256;
    expect(after).not.toBe(before);
    expect(done.state).toBe('succeeded');
    expect(done.outcome).toMatch(/^The appliance is back with factory settings: its configuration, logs and data were wiped, and it holds no backups\./);
    expect(done.outcome).toContain(`new self-signed certificate, SHA-256 ${after}: compare that with the fingerprint on the appliance console`);
    expect(done.outcome).toMatch(/admin password is the factory default again/);
    expect(milestonesOf(rec)).toEqual(['Factory reset started', 'Appliance wiping and rebooting', 'Appliance back with factory settings']);
    expect(shared.sim().state.backups).toEqual([]);
    expect(sessionOf(ctx)).toBeUndefined();
    expect(shared.sim().state.requests.find((r) => r.path.endsWith('/reset_factory'))).toMatchObject({ method: 'POST', authorization: 'bearer', status: 202 });
    // The old session and certificate are gone: the next call says so instead of guessing.
    expect(await rejectionOf(testProvider.listBackups(ctx))).toMatchObject({ code: 'certificate-changed' });
  });

  it('stops waiting after its limit with an unknown ending', async () => {
    shared.sim().faults.rebootRefuseMs = 5_000;
    const provider = createApplianceProvider({ ...fastTimings, rebootLimitMs: 800 });
    const done = await provider.factoryReset!(shared.context(), recordOperation().op);
    expect(done).toMatchObject({ state: 'unknown', outcome: expect.stringMatching(/^Stopped waiting after 0 s: the appliance has not come back since it went down \(last: .*\)\. Check its console/) });
  });

  it('ends at once when the appliance refuses the connection: nothing was sent, so nothing is reset', async () => {
    shared.sim().faults.rebootRefuseMs = 2_000;
    const ctx = shared.context();
    const restoring = recordOperation();
    const restore = testProvider.restoreBackup(ctx, shared.sim().state.backups[0]!.id, restoring.op);
    await waitUntil(() => shared.sim().state.rebootPhase === 'refusing', 'the appliance is down');
    expect(await rejectionOf(testProvider.factoryReset!(ctx, recordOperation().op))).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/Nothing is listening/) });
    restoring.controller.abort();
    expect((await restore).state).toBe('unknown');
    expect(shared.sim().state.factoryResets).toBe(0);
  });
});
