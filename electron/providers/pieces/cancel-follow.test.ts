import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain';
import type { Backup, PiecesSim } from '../../../e2e/sims/pieces';
import { JobRunner } from '../../core/jobs/job-runner';
import type { PersistedJob } from '../../core/jobs/types';
import { cancelledCreateOutcome, cancelledRestoreOutcome } from './outcomes';
import { createPiecesProvider } from './provider';
import { recordOperation, useSimulators, waitUntil } from './test-support/harness';

const { sim, context } = useSimulators();

/** Starts an operation the way another (now dead) app session did. */
async function startOnServer(pieces: PiecesSim, path: string, body: unknown): Promise<Backup> {
  const res = await fetch(`${pieces.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  expect(res.status).toBe(200);
  return (await res.json()) as Backup;
}

const cancelCalls = (pieces: PiecesSim, phase: string, id: string) => pieces.state.requests.filter((r) => r.path === `/backup/${id}/${phase}/cancel`);
const provider = createPiecesProvider({ pollIntervalMs: 100 });

describe('Pieces provider: a job that was being cancelled when the app stopped', () => {
  it('sends the cancel for a re-attached restore, and reports cancelled once Pieces OS confirms', async () => {
    const pieces = await sim(1);
    const target = pieces.state.backups[1];
    await startOnServer(pieces, `/backup/${target.id}/restore`, target);
    const run = recordOperation();
    run.controller.abort();
    const outcome = await provider.resume(context(pieces), { kind: 'restore', backupId: target.id, remoteRef: `restoration/${target.id}` }, run.op);
    expect(outcome).toEqual({ state: 'cancelled', outcome: cancelledRestoreOutcome, backupId: target.id });
    expect(cancelCalls(pieces, 'restoration', target.id).map((r) => r.status)).toEqual([204]);
    expect(pieces.state.restorations.find((r) => r.id === target.id)?.status).toBe('CANCELED');
    expect(pieces.state.localDatabase.source).toBe('original');
  });

  it('through the job runner: the job ends cancelled only once Pieces OS has stopped the restore', async () => {
    const pieces = await sim(1);
    const target = pieces.state.backups[3];
    await startOnServer(pieces, `/backup/${target.id}/restore`, target);
    const at = new Date().toISOString();
    const orphan: PersistedJob = {
      id: 'job-1',
      endpointId: 'ep-pieces',
      endpointName: 'Pieces',
      kind: 'restore',
      state: 'cancelling',
      stage: 'Asking Pieces OS to stop the restore and put the original database back',
      progress: { fraction: 0.2 },
      startedAt: at,
      updatedAt: at,
      cancellable: true,
      stalled: false,
    milestones: [],
      backupId: target.id,
      remoteRef: `restoration/${target.id}`,
    };
    let finish: (job: Job) => void = () => undefined;
    const ended = new Promise<Job>((resolve) => (finish = resolve));
    const onUpdate = (job: Job) => ['cancelled', 'failed', 'succeeded', 'interrupted'].includes(job.state) && finish(job);
    const runner = new JobRunner({ file: 'unused.json', onUpdate }, { jobs: [], writable: false });
    runner.reattach(orphan, (op) => provider.resume(context(pieces), orphan, op));
    expect(await ended).toMatchObject({ state: 'cancelled', outcome: cancelledRestoreOutcome });
    await runner.close();
    expect(pieces.state.restorations.find((r) => r.id === target.id)?.status).toBe('CANCELED');
    expect(pieces.state.localDatabase.source).toBe('original');
  });

  it('sends the cancel for a re-attached create; no backup is kept', async () => {
    const pieces = await sim(1);
    const { id } = await startOnServer(pieces, '/backups/create', {});
    const run = recordOperation();
    run.controller.abort();
    const outcome = await provider.resume(context(pieces), { kind: 'create', backupId: id, remoteRef: `creation/${id}` }, run.op);
    expect(outcome).toEqual({ state: 'cancelled', outcome: cancelledCreateOutcome });
    expect(cancelCalls(pieces, 'creation', id).map((r) => r.status)).toEqual([204]);
    expect(pieces.state.backups.map((b) => b.id)).not.toContain(id);
  });

  it('says a create that finished while the app was closed had finished, not that it was cancelled', async () => {
    const pieces = await sim(0.05);
    const { id } = await startOnServer(pieces, '/backups/create', {});
    await waitUntil(async () => (await fetch(`${pieces.url}/backup/${id}/creation/status`)).status === 404, 'Pieces OS forgets the ended creation');
    const run = recordOperation();
    run.controller.abort();
    const outcome = await provider.resume(context(pieces), { kind: 'create', backupId: id, remoteRef: `creation/${id}` }, run.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
    expect(outcome?.outcome).toContain('before the cancel could reach Pieces OS');
  });
});

describe('Pieces provider: a cancel that Pieces OS refuses', () => {
  it('keeps following a restore whose cancel was refused, and says so when it runs to the end', async () => {
    const pieces = await sim(0.5);
    const target = pieces.state.backups[0];
    const run = recordOperation();
    const pending = provider.restoreBackup(context(pieces), target.id, run.op);
    await waitUntil(() => run.maxFraction() > 0.1, 'the restore is under way');
    Object.assign(pieces.faults, { pathPrefix: `/backup/${target.id}/restoration/cancel`, fail5xx: 1 });
    run.controller.abort();
    const outcome = await pending;
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: target.id });
    expect(outcome.outcome).toContain('Pieces OS refused the cancel (Internal Server Error');
    expect(outcome.outcome).toContain(`the local Pieces database now holds backup ${target.id}`);
    expect(run.progress.some((p) => /^Pieces OS refused the cancel \(.*\); still following the restore$/.test(p.stage ?? ''))).toBe(true);
    expect([outcome.outcome, ...run.progress.map((p) => p.stage ?? '')].some((text) => text.includes('..'))).toBe(false);
    expect(pieces.state.localDatabase.source).toBe(`backup:${target.id}`);
  });

  it('treats a cancel lost to a network error as refused and follows the backup to its real end', async () => {
    const pieces = await sim(0.5);
    const run = recordOperation();
    const pending = provider.createBackup(context(pieces), run.op);
    await waitUntil(() => run.maxFraction() > 0.1, 'the backup is under way');
    const [id] = run.backupIds;
    Object.assign(pieces.faults, { pathPrefix: `/backup/${id}/creation/cancel`, dropConnections: 1 });
    run.controller.abort();
    const outcome = await pending;
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
    expect(outcome.outcome).toBe(`The cancel did not reach Pieces OS (the connection failed), so the backup ran to the end: backup ${id} is in your Pieces cloud.`);
    expect(run.progress.some((p) => p.stage === 'The cancel did not reach Pieces OS (the connection failed); still following the backup')).toBe(true);
    expect(pieces.state.backups.map((b) => b.id)).toContain(id);
  });

  it('asks again while the operation still runs, and reports the cancel once Pieces OS accepts it', async () => {
    const pieces = await sim(1);
    const retrying = createPiecesProvider({ pollIntervalMs: 100, cancelRetryMs: 300 });
    const target = pieces.state.backups[2];
    const run = recordOperation();
    const pending = retrying.restoreBackup(context(pieces), target.id, run.op);
    await waitUntil(() => run.maxFraction() > 0.05, 'the restore is under way');
    Object.assign(pieces.faults, { pathPrefix: `/backup/${target.id}/restoration/cancel`, fail5xx: 1 });
    run.controller.abort();
    expect(await pending).toEqual({ state: 'cancelled', outcome: cancelledRestoreOutcome, backupId: target.id });
    expect(cancelCalls(pieces, 'restoration', target.id).map((r) => r.status)).toEqual([500, 204]);
    expect(pieces.state.localDatabase.source).toBe('original');
  });
});
