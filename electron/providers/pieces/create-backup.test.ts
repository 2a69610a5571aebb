import { describe, expect, it } from 'vitest';
import { startPiecesSim } from '../../../e2e/sims/pieces';
import { cancelledCreateOutcome, createAlreadyFinishedOutcome } from './outcomes';
import { createPiecesProvider } from './provider';
import { makeContext, recordOperation, rejectionOf, useSharedSimulator, waitUntil } from './test-support/harness';

const { sim, context } = useSharedSimulator(0.1);

const withStream = createPiecesProvider({ pollIntervalMs: 100 });
const pollingOnly = createPiecesProvider({ pollIntervalMs: 50, useProgressStream: false });
const creationOf = (id: string) => sim.state.creations.find((c) => c.id === id);

describe('Pieces provider: create', () => {
  it('creates a backup with live progress up to 1 and learns its id', async () => {
    const run = recordOperation();
    const outcome = await withStream.createBackup(context(), run.op);
    const [id] = run.backupIds;
    expect(id).toMatch(/^11\.2\.0_\d+$/);
    expect(run.remoteRefs).toEqual([`creation/${id}`]);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
    expect(sim.state.backups.map((b) => b.id)).toContain(id);
    expect(run.maxFraction()).toBe(1);
    const fractions = run.progress.flatMap((p) => (p.fraction === undefined ? [] : [p.fraction]));
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(run.progress.some((p) => p.stage === 'Uploading backup to Pieces cloud')).toBe(true);
    // The progress socket is closed once the job is over.
    await waitUntil(() => sim.state.progressSubscribers === 0, 'the progress socket is closed');
  });

  it('works by polling alone when the progress stream is off', async () => {
    const run = recordOperation();
    const outcome = await pollingOnly.createBackup(context(), run.op);
    expect(outcome.state).toBe('succeeded');
    expect(run.maxFraction()).toBe(1);
    expect(sim.state.requests.some((r) => r.websocket)).toBe(false);
    expect(sim.state.requests.filter((r) => r.path.endsWith('/creation/status')).length).toBeGreaterThan(1);
  });

  it('learns the id from the progress stream when POST /backups/create blocks until the end', async () => {
    sim.faults.createBlocks = true;
    let statusWhenIdLearnt: string | undefined;
    const run = recordOperation({ onBackupId: (id) => (statusWhenIdLearnt = creationOf(id)?.status) });
    const outcome = await withStream.createBackup(context(), run.op);
    expect(statusWhenIdLearnt).toMatch(/^(INITIALIZED|IN-PROGRESS)$/);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: run.backupIds[0] });
    expect(run.maxFraction()).toBe(1);
  });

  it('still succeeds when the POST blocks and the stream is off (id learnt at the end)', async () => {
    sim.faults.createBlocks = true;
    const run = recordOperation();
    const outcome = await pollingOnly.createBackup(context(), run.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: run.backupIds[0] });
    expect(sim.state.backups.map((b) => b.id)).toContain(run.backupIds[0]);
  });

  it('cancels midway: Pieces OS stops and keeps no partial backup', async () => {
    const slow = await startPiecesSim({ port: 0, timeScale: 1 });
    const made = makeContext(slow.url);
    try {
      const run = recordOperation();
      const pending = withStream.createBackup(made.ctx, run.op);
      await waitUntil(() => run.maxFraction() > 0.1, 'the backup is under way');
      run.controller.abort();
      const outcome = await pending;
      expect(outcome).toEqual({ state: 'cancelled', outcome: cancelledCreateOutcome });
      const id = run.backupIds[0];
      expect(slow.state.creations.find((c) => c.id === id)?.status).toBe('CANCELED');
      expect(slow.state.backups.map((b) => b.id)).not.toContain(id);
      expect(slow.state.requests.some((r) => r.path === `/backup/${id}/creation/cancel` && r.status === 204)).toBe(true);
      await waitUntil(() => slow.state.progressSubscribers === 0, 'the progress socket is closed after the cancel');
    } finally {
      await made.close();
      await slow.close();
    }
  });

  it('cancels midway when the POST blocks', async () => {
    const run = recordOperation();
    const slow = await startPiecesSim({ port: 0, timeScale: 1 });
    slow.faults.createBlocks = true;
    const made = makeContext(slow.url);
    try {
      const pending = withStream.createBackup(made.ctx, run.op);
      await waitUntil(() => run.maxFraction() > 0.1, 'the backup is under way');
      run.controller.abort();
      expect(await pending).toEqual({ state: 'cancelled', outcome: cancelledCreateOutcome });
      expect(slow.state.backups.map((b) => b.id)).not.toContain(run.backupIds[0]);
    } finally {
      await made.close();
      await slow.close();
    }
  });

  it('tells the truth when a cancel arrives before Pieces OS has named the backup (no stream, blocking POST)', async () => {
    const slow = await startPiecesSim({ port: 0, timeScale: 0.5 });
    slow.faults.createBlocks = true;
    const made = makeContext(slow.url);
    try {
      const run = recordOperation();
      const pending = pollingOnly.createBackup(made.ctx, run.op);
      await waitUntil(() => slow.state.creations.length === 1, 'the backup is under way');
      run.controller.abort();
      await waitUntil(() => run.progress.some((p) => p.stage?.startsWith('Waiting for Pieces OS to say which backup it is making')), 'the job says why the cancel waits');
      const outcome = await pending;
      const [id] = run.backupIds;
      expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
      expect(outcome.outcome).not.toBe(createAlreadyFinishedOutcome);
      expect(outcome.outcome).toContain('before the cancel could be sent');
      expect(slow.state.backups.map((b) => b.id)).toContain(id);
    } finally {
      await made.close();
      await slow.close();
    }
  });

  it('falls back to polling silently when the progress WebSocket is refused', async () => {
    sim.faults.pathPrefix = '/backups/streamed/progress';
    sim.faults.dropConnections = true;
    const run = recordOperation();
    expect((await withStream.createBackup(context(), run.op)).state).toBe('succeeded');
    expect(run.maxFraction()).toBe(1);
    expect(sim.state.requests.some((r) => r.websocket && r.status === 'dropped')).toBe(true);
  });

  it('waits out a blocking POST that takes longer than the endpoint timeout', async () => {
    const slow = await startPiecesSim({ port: 0, timeScale: 0.5 });
    slow.faults.createBlocks = true;
    const made = makeContext(slow.url, 1_000);
    try {
      const outcome = await withStream.createBackup(made.ctx, recordOperation().op);
      expect(outcome.state).toBe('succeeded');
      expect(slow.state.requests.find((r) => r.path === '/backups/create')?.status).toBe(200);
    } finally {
      await made.close();
      await slow.close();
    }
  });

  it('reports a cancel that arrives after the end as already finished, not as a failure', async () => {
    // Slow polling and no stream: the provider cannot notice the end before the user cancels.
    const unaware = createPiecesProvider({ pollIntervalMs: 60_000, useProgressStream: false });
    const run = recordOperation();
    const pending = unaware.createBackup(context(), run.op);
    await waitUntil(() => run.backupIds.length === 1 && sim.state.backups.some((b) => b.id === run.backupIds[0]), 'the backup finished on the server');
    run.controller.abort();
    const outcome = await pending;
    expect(outcome).toEqual({ state: 'succeeded', outcome: createAlreadyFinishedOutcome, backupId: run.backupIds[0] });
    expect(sim.state.requests.some((r) => r.path === `/backup/${run.backupIds[0]}/creation/cancel` && r.status === 500)).toBe(true);
  });

  it('returns cancelled without calling Pieces OS when cancelled before starting', async () => {
    const run = recordOperation();
    run.controller.abort();
    expect((await withStream.createBackup(context(), run.op)).state).toBe('cancelled');
    expect(sim.state.requests.some((r) => r.path === '/backups/create')).toBe(false);
  });

  it('fails with the server text when a backup is already running', async () => {
    const first = recordOperation();
    const running = withStream.createBackup(context(), first.op);
    await waitUntil(() => first.backupIds.length === 1, 'the first backup started');
    const error = await rejectionOf(withStream.createBackup(context(), recordOperation().op));
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('already in progress');
    expect((await running).state).toBe('succeeded');
  });

  it('maps a FAILED backup to server-error', async () => {
    sim.faults.failNextOperations = 1;
    const error = await rejectionOf(withStream.createBackup(context(), recordOperation().op));
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('backup failed');
    expect(sim.state.creations[0]?.status).toBe('FAILED');
  });

  it('maps 511 on create to not-signed-in before anything starts', async () => {
    sim.faults.signedOut = true;
    const run = recordOperation();
    expect((await rejectionOf(withStream.createBackup(context(), run.op))).code).toBe('not-signed-in');
    expect(run.backupIds).toEqual([]);
  });

  it('rides out a few failed status polls', async () => {
    sim.faults.pathPrefix = '/backup/';
    sim.faults.fail5xx = 3;
    const outcome = await pollingOnly.createBackup(context(), recordOperation().op);
    expect(outcome.state).toBe('succeeded');
    expect(sim.state.requests.filter((r) => r.status === 500).length).toBe(3);
  });
});
