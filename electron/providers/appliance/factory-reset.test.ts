import { describe, expect, it } from 'vitest';
import type { ApplianceSim } from '../../../e2e/sims/appliance';
import { EndpointMemo } from '../../core/endpoint-memo';
import type { ProviderContext } from '../provider';
import { createApplianceProvider } from './provider';
import { sessionOf } from './session';
import { fastTimings, makeApplianceContext, recordOperation, rejectionOf, testProvider, useApplianceSim, waitUntil, type TestContext } from './test-support/harness';

const shared = useApplianceSim({ seededBackups: 2 });

const milestonesOf = (rec: ReturnType<typeof recordOperation>) => rec.progress.filter((p) => p.milestone).map((p) => p.stage);

/**
 * A context whose trust follows the certificate the simulator presents right now, like an appliance
 * whose certificate stays trusted through the reset: the only way to watch it answer again afterwards.
 */
function trustFollowingContext(sim: ApplianceSim): { ctx: ProviderContext; close(): Promise<void> } {
  const memo = new EndpointMemo();
  const password = sim.credentials.password;
  const made: TestContext[] = [];
  let current: TestContext | undefined;
  const now = () => {
    if (!current || current.ctx.endpoint.tls.fingerprint256 !== sim.fingerprint256) {
      current = makeApplianceContext({ url: sim.url, certPem: sim.certPem, fingerprint256: sim.fingerprint256, settings: { username: 'admin' }, secrets: { password } }, memo);
      made.push(current);
    }
    return current.ctx;
  };
  const ctx: ProviderContext = {
    get endpoint() {
      return now().endpoint;
    },
    get http() {
      return now().http;
    },
    httpFor: (baseUrl) => now().httpFor(baseUrl),
    memo,
    get log() {
      return now().log;
    },
    secret: (name) => now().secret(name),
  };
  return { ctx, close: async () => void (await Promise.all(made.map((c) => c.close()))) };
}

describe('factory reset', () => {
  it('ends unknown, not "back", when the appliance presents a new certificate while it still boots', async () => {
    const sim = shared.sim();
    sim.faults.rebootRefuseMs = 300;
    sim.faults.rebootHangMs = 5_000;
    const ctx = shared.context();
    const before = sim.fingerprint256;
    const rec = recordOperation();
    const done = await testProvider.factoryReset!(ctx, rec.op);
    const after = sim.fingerprint256;
    // The simulator is still in its hang phase: it has not come back, so nothing may claim it has.
    expect(sim.state.rebootPhase).toBe('hanging');
    expect(sim.state.factoryResets).toBe(0);
    expect(after).not.toBe(before);
    expect(done.state).toBe('unknown');
    expect(done.outcome).toMatch(
      new RegExp(`^The factory reset has started: after the reset request the appliance went down and now presents a new certificate, SHA-256 ${after}, so Backup Console cannot see whether the reset has finished\\.`),
    );
    expect(done.outcome).toMatch(/only if it matches, accept the certificate in the endpoint settings, enter the factory-default admin password, then use Test connection/);
    expect(done.outcome).not.toMatch(/is back|were wiped|holds no backups/);
    expect(milestonesOf(rec)).toEqual(['Factory reset started', 'Appliance wiping and rebooting', 'Appliance presents a new certificate']);
    expect(sessionOf(ctx)).toBeUndefined();
    expect(sim.state.requests.find((r) => r.path.endsWith('/reset_factory'))).toMatchObject({ method: 'POST', authorization: 'bearer', status: 202 });
    // The old session and certificate are gone: the next call says so instead of guessing.
    expect(await rejectionOf(testProvider.listBackups(ctx))).toMatchObject({ code: 'certificate-changed' });
  });

  it('is back only when /info answers after refused connections, not while the booting box hangs', async () => {
    const sim = shared.sim();
    sim.faults.rebootRefuseMs = 300;
    sim.faults.rebootHangMs = 1_200;
    const trusting = trustFollowingContext(sim);
    try {
      const rec = recordOperation();
      const done = await testProvider.factoryReset!(trusting.ctx, rec.op);
      expect(done.state).toBe('succeeded');
      expect(sim.state.rebootPhase).toBe('none');
      expect(sim.state.factoryResets).toBe(1);
      expect(done.outcome).toMatch(/^The appliance \(appresponse-sim\) is back with factory settings: it refused connections while it reset and answers again, so its configuration, logs and data were wiped, and it holds no backups\./);
      expect(done.outcome).toMatch(/admin password is the factory default again: .* then use Test connection\./);
      expect(milestonesOf(rec)).toEqual(['Factory reset started', 'Appliance wiping and rebooting', 'Appliance back with factory settings']);
      // The hang phase's unanswered checks were ridden out as "starting up", never taken as back.
      expect(rec.progress.some((p) => /^The appliance is starting up .*did not answer in time/.test(p.stage ?? ''))).toBe(true);
      expect(sim.state.requests.filter((r) => r.path === '/api/common/1.0/info' && r.status === 0).length).toBeGreaterThan(0);
      expect(sim.state.backups).toEqual([]);
    } finally {
      await trusting.close();
    }
  });

  it('follows the reset when the appliance drops the connection instead of answering the request', async () => {
    const sim = shared.sim();
    sim.faults.rebootRefuseMs = 300;
    sim.faults.rebootHangMs = 300;
    sim.faults.dropAnswer = 'reset_factory';
    const trusting = trustFollowingContext(sim);
    try {
      const rec = recordOperation();
      const done = await testProvider.factoryReset!(trusting.ctx, rec.op);
      expect(sim.state.requests.find((r) => r.path.endsWith('/reset_factory'))).toMatchObject({ method: 'POST', status: 0 });
      expect(done.state).toBe('succeeded');
      expect(sim.state.rebootPhase).toBe('none');
      expect(sim.state.factoryResets).toBe(1);
      expect(milestonesOf(rec)).toEqual(['Factory reset started', 'Appliance wiping and rebooting', 'Appliance back with factory settings']);
    } finally {
      await trusting.close();
    }
  });

  it('with the certificate pinned, a dropped answer still ends in the honest unknown', async () => {
    const sim = shared.sim();
    sim.faults.rebootRefuseMs = 300;
    sim.faults.rebootHangMs = 300;
    sim.faults.dropAnswer = 'reset_factory';
    const done = await testProvider.factoryReset!(shared.context(), recordOperation().op);
    expect(sim.state.requests.find((r) => r.path.endsWith('/reset_factory'))).toMatchObject({ status: 0 });
    expect(done).toMatchObject({ state: 'unknown', outcome: expect.stringMatching(`^The factory reset has started: .* now presents a new certificate, SHA-256 ${sim.fingerprint256}`) });
  });

  it('stops waiting after its limit with an unknown ending', async () => {
    shared.sim().faults.rebootRefuseMs = 5_000;
    const provider = createApplianceProvider({ ...fastTimings, rebootLimitMs: 2_500 });
    const done = await provider.factoryReset!(shared.context(), recordOperation().op);
    expect(done).toMatchObject({ state: 'unknown', outcome: expect.stringMatching(/^Stopped waiting after \d+ s: the appliance refused connections after the reset request and has not answered since \(last: Nothing is listening .*\)\. Check its console/) });
  });

  it('sends nothing while the appliance reports a restore under way', async () => {
    shared.sim().faults.restoreUnderWay = true;
    const error = await rejectionOf(testProvider.factoryReset!(shared.context(), recordOperation().op));
    expect(error).toMatchObject({ code: 'conflict', message: 'The appliance reports a restore or factory reset under way ("Restore in progress"), so Backup Console did not start a factory reset.' });
    expect(shared.sim().state.requests.filter((r) => r.path.endsWith('/reset_factory'))).toEqual([]);
    expect(shared.sim().state.factoryResets).toBe(0);
  });

  it('still resets a box whose backup service cannot say what it is doing (restore_status answers 500)', async () => {
    const sim = shared.sim();
    sim.faults.serverErrors = 1;
    sim.faults.rebootRefuseMs = 300;
    sim.faults.rebootHangMs = 5_000;
    const done = await testProvider.factoryReset!(shared.context(), recordOperation().op);
    expect(sim.state.requests.filter((r) => /\/(restore_status|reset_factory)$/.test(r.path)).map((r) => [r.path.split('/').at(-1), r.status])).toEqual([
      ['restore_status', 500],
      ['reset_factory', 202],
    ]);
    expect(done.state).toBe('unknown');
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
