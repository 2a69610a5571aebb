import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { JobRunner, type JobRunnerSetup } from './job-runner';
import { createSpec, manualOperation, UpdateLog, withTempDir } from './test-kit';

let dir: string;
let cleanup: () => Promise<void>;
let log: UpdateLog;
const runners: JobRunner[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await withTempDir());
  log = new UpdateLog();
});
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
  vi.useRealTimers();
  await cleanup();
});

function newRunner(options: Partial<JobRunnerSetup> = {}): JobRunner {
  const runner = new JobRunner({ file: join(dir, 'jobs.json'), onUpdate: log.onUpdate, ...options });
  runners.push(runner);
  return runner;
}

function thrown(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('JobRunner lifecycle', () => {
  it('runs an operation to success and reports each state once, in order', async () => {
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec({ backupId: 'b-0' }), op.operation);
    expect(job).toMatchObject({ state: 'running', kind: 'create', endpointId: 'ep-1', endpointName: 'Laptop', stage: 'Asking Pieces OS to start the backup', cancellable: true, stalled: false, progress: {} });
    expect(job.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.states(job.id)).toEqual(['running']);

    op.ctx().setBackupId('b-1');
    op.succeed('Backup b-1 created.', 'b-1');
    const done = await log.until(job.id, 'succeeded');
    expect(done).toMatchObject({ state: 'succeeded', outcome: 'Backup b-1 created.', backupId: 'b-1' });
    expect(done.finishedAt).toBeDefined();
    expect(done.error).toBeUndefined();
    expect(log.states(job.id)).toEqual(['running', 'succeeded']);
    expect(runner.get(job.id)).toEqual(done);
  });

  it('turns a thrown AppError into a failed job carrying its envelope', async () => {
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    op.fail(new AppError('unreachable', 'Pieces OS at http://127.0.0.1:39300 is not answering.', 'Start Pieces OS.'));
    const failed = await log.until(job.id, 'failed');
    expect(failed.error).toEqual({ code: 'unreachable', message: 'Pieces OS at http://127.0.0.1:39300 is not answering.', hint: 'Start Pieces OS.' });
    expect(failed.outcome).toBeUndefined();
  });

  it('reports an unexpected exception as an internal error, even from an operation that throws at once', async () => {
    const runner = newRunner();
    const job = runner.start(createSpec(), () => {
      throw new TypeError('x is undefined');
    });
    expect((await log.until(job.id, 'failed')).error).toMatchObject({ code: 'internal', message: 'x is undefined' });
  });

  it('cancels: delivers cancelling at once, aborts the signal, and lets the operation say how it ended', async () => {
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    const signal = op.ctx().signal;
    const cancelling = runner.cancel(job.id);
    expect(cancelling.state).toBe('cancelling');
    expect(log.last(job.id).state).toBe('cancelling');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(AppError);
    expect(runner.cancel(job.id).state).toBe('cancelling');

    op.finishCancelled();
    const ended = await log.until(job.id, 'cancelled');
    expect(ended.outcome).toBe('Cancelled: the partial backup was discarded.');
    expect(log.states(job.id)).toEqual(['running', 'cancelling', 'cancelled']);
  });

  it('ends as interrupted, never failed, when the operation lost contact and cannot tell how it ended', async () => {
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    op.endUnknown('The connection dropped during Create; check `juju status -m controller`.');
    const ended = await log.until(job.id, 'interrupted');
    expect(ended.outcome).toMatch(/check `juju status/);
    expect(ended.error).toBeUndefined();
  });

  it('lets the operation finish as succeeded even after a cancel request', async () => {
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    runner.cancel(job.id);
    op.succeed('The backup had already finished; it was kept.');
    expect((await log.until(job.id, 'succeeded')).outcome).toBe('The backup had already finished; it was kept.');
  });

  it("treats AppError('cancelled') as cancelled only when the user asked for it", async () => {
    const runner = newRunner();
    const asked = manualOperation();
    const askedJob = runner.start(createSpec(), asked.operation);
    runner.cancel(askedJob.id);
    asked.fail(new AppError('cancelled', 'The request was cancelled.'));
    const cancelled = await log.until(askedJob.id, 'cancelled');
    expect(cancelled.outcome).toBe('The request was cancelled.');
    expect(cancelled.error).toBeUndefined();

    const unasked = manualOperation();
    const unaskedJob = runner.start(createSpec(), unasked.operation);
    unasked.fail(new AppError('cancelled', 'The endpoint cancelled the backup itself.'));
    expect((await log.until(unaskedJob.id, 'failed')).error?.code).toBe('cancelled');
  });

  it('refuses to cancel what cannot be cancelled, has finished, or does not exist', async () => {
    const runner = newRunner();
    const stuck = manualOperation();
    const job = runner.start(createSpec({ cancellable: false, cancelNote: 'Restores cannot be stopped once they begin.' }), stuck.operation);
    const refused = thrown(() => runner.cancel(job.id));
    expect(refused.code).toBe('unsupported');
    expect(refused.hint).toBe('Restores cannot be stopped once they begin.');
    expect(stuck.ctx().signal.aborted).toBe(false);
    expect(runner.get(job.id).state).toBe('running');

    stuck.succeed();
    await log.until(job.id, 'succeeded');
    const finished = thrown(() => runner.cancel(job.id));
    expect(finished.code).toBe('conflict');
    expect(finished.message).toBe('That job already finished.');
    expect(thrown(() => runner.cancel('nope')).code).toBe('not-found');
    expect(thrown(() => runner.get('nope')).code).toBe('not-found');
  });

  it('lists jobs newest first without their remote reference', async () => {
    let t = Date.UTC(2025, 4, 1);
    const runner = newRunner({ now: () => (t += 1000) });
    const first = manualOperation();
    const a = runner.start(createSpec(), first.operation);
    first.ctx().setRemoteRef('remote-secretless-ref');
    const b = runner.start(createSpec({ kind: 'delete' }), manualOperation().operation);
    expect(runner.list().map((j) => j.id)).toEqual([b.id, a.id]);
    expect(JSON.stringify(runner.list())).not.toContain('remote-secretless-ref');
    expect(JSON.stringify(log.all)).not.toContain('remote-secretless-ref');
  });

  it('survives a listener that throws', async () => {
    const runner = newRunner({
      onUpdate: () => {
        throw new Error('listener bug');
      },
    });
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    op.succeed();
    await vi.waitFor(() => expect(runner.get(job.id).state).toBe('succeeded'));
  });
});

describe('JobRunner progress', () => {
  it('delivers a burst of 1000 updates as two, the last one included', async () => {
    vi.useFakeTimers();
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    for (let i = 1; i <= 1000; i++) op.ctx().progress({ fraction: i / 1000, bytesDone: i * 10, bytesTotal: 10_000 });
    expect(log.of(job.id)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(log.of(job.id)).toHaveLength(3);
    expect(log.last(job.id).progress).toMatchObject({ fraction: 1, bytesDone: 10_000, bytesTotal: 10_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(log.of(job.id)).toHaveLength(3);
  });

  it('never exceeds maxUpdatesPerSecond over a long stream, and delivers the final value', async () => {
    vi.useFakeTimers();
    const runner = newRunner({ maxUpdatesPerSecond: 10 });
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    for (let i = 1; i <= 1000; i++) {
      op.ctx().progress({ fraction: i / 1000 });
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(100);
    const progressUpdates = log.of(job.id).slice(1);
    // 1000 updates over 10 s: at most one per 100 ms.
    expect(progressUpdates.length).toBeLessThanOrEqual(101);
    expect(progressUpdates.length).toBeGreaterThanOrEqual(90);
    const times = progressUpdates.map((j) => Date.parse(j.updatedAt));
    for (let i = 10; i < times.length; i++) expect(times[i] - times[i - 10]).toBeGreaterThanOrEqual(990);
    expect(log.last(job.id).progress.fraction).toBe(1);
  });

  it('delivers state changes at once, folding in pending progress, and nothing after the end', async () => {
    vi.useFakeTimers();
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    op.ctx().progress({ fraction: 0.1 });
    op.ctx().progress({ fraction: 0.2, stage: 'Copying' });
    expect(log.last(job.id).progress.fraction).toBe(0.1);
    runner.cancel(job.id);
    expect(log.last(job.id)).toMatchObject({ state: 'cancelling', stage: 'Copying', progress: { fraction: 0.2 } });
    op.ctx().progress({ fraction: 0.3 });
    op.finishCancelled();
    await log.until(job.id, 'cancelled');
    expect(log.last(job.id).progress.fraction).toBe(0.3);
    op.ctx().progress({ fraction: 0.9 });
    const count = log.of(job.id).length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log.of(job.id)).toHaveLength(count);
    expect(log.states(job.id)).toEqual(['running', 'cancelling', 'cancelled']);
    expect(runner.get(job.id).progress.fraction).toBe(0.3);
  });

  it('delivers every milestone stage at once, even inside one throttle interval', async () => {
    vi.useFakeTimers();
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    op.ctx().progress({ stage: 'Stage 1 of 2: preparing', milestone: true });
    op.ctx().progress({ stage: 'Stage 2 of 2: restoring', milestone: true });
    op.ctx().progress({ stage: 'Stage 2 of 2: restoring — 1 s' });
    op.ctx().progress({ stage: 'Stage 2 of 2: restoring — 2 s' });
    const stages = log.of(job.id).map((j) => j.stage);
    expect(stages).toContain('Stage 1 of 2: preparing');
    expect(stages).toContain('Stage 2 of 2: restoring');
    expect(stages).not.toContain('Stage 2 of 2: restoring — 1 s');
    await vi.advanceTimersByTimeAsync(100);
    expect(log.last(job.id).stage).toBe('Stage 2 of 2: restoring — 2 s');
    expect(log.last(job.id).milestones).toEqual(['Stage 1 of 2: preparing', 'Stage 2 of 2: restoring']);
  });

  it('estimates time left from the rate so far, only once there is enough to go on', async () => {
    let t = 1_000_000;
    const runner = newRunner({ now: () => t });
    const early = manualOperation();
    const earlyJob = runner.start(createSpec(), early.operation);
    t += 500;
    early.ctx().progress({ fraction: 0.5 });
    expect(runner.get(earlyJob.id).progress).toEqual({ fraction: 0.5 });

    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    t += 5_000;
    op.ctx().progress({ fraction: 0.01 });
    expect(runner.get(job.id).progress.etaSeconds).toBeUndefined();
    t += 5_000;
    op.ctx().progress({ fraction: 0.25 });
    expect(runner.get(job.id).progress.etaSeconds).toBe(30);
    t += 10_000;
    op.ctx().progress({ fraction: 0.5 });
    expect(runner.get(job.id).progress.etaSeconds).toBe(20);
    op.succeed();
    const done = await log.until(job.id, 'succeeded');
    expect(done.progress).toEqual({ fraction: 1 });
  });

  it('clamps fractions, ignores nonsense byte counts and derives a fraction from bytes', () => {
    const runner = newRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    op.ctx().progress({ fraction: 1.7 });
    expect(runner.get(job.id).progress.fraction).toBe(1);
    op.ctx().progress({ fraction: -0.5, bytesDone: -3 });
    expect(runner.get(job.id).progress).toEqual({ fraction: 0 });
    op.ctx().progress({ bytesDone: 250, bytesTotal: 1000 });
    expect(runner.get(job.id).progress).toMatchObject({ fraction: 0.25, bytesDone: 250, bytesTotal: 1000 });
    op.ctx().progress({ stage: 'Verifying' });
    expect(runner.get(job.id)).toMatchObject({ stage: 'Verifying', progress: { fraction: 0.25 } });
  });

  it('flags a job that reports nothing new for stallAfterMs, and clears the flag on progress', async () => {
    vi.useFakeTimers();
    const runner = newRunner({ stallAfterMs: 60_000 });
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    await vi.advanceTimersByTimeAsync(30_000);
    op.ctx().progress({ fraction: 0.4 });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(runner.get(job.id).stalled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(runner.get(job.id).stalled).toBe(true);
    expect(log.last(job.id).stalled).toBe(true);

    op.ctx().progress({ fraction: 0.5 });
    expect(log.last(job.id)).toMatchObject({ stalled: false, progress: { fraction: 0.5 } });
    // Repeating the same values is not progress.
    await vi.advanceTimersByTimeAsync(30_000);
    op.ctx().progress({ fraction: 0.5 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(runner.get(job.id).stalled).toBe(true);

    op.succeed();
    expect((await log.until(job.id, 'succeeded')).stalled).toBe(false);
  });
});
