import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { OperationContext } from '../../providers/provider';
import { JobRunner, REATTACH_STAGE, UNKNOWN_ENDING, type JobRunnerSetup } from './job-runner';
import { createSpec, manualOperation, UpdateLog, withTempDir } from './test-kit';
import type { PersistedJob } from './types';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;
let log: UpdateLog;
let clock: number;
const runners: JobRunner[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await withTempDir());
  file = join(dir, 'jobs.json');
  log = new UpdateLog();
  clock = Date.UTC(2025, 5, 1);
});
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
  vi.useRealTimers();
  await cleanup();
});

const setup = (options: Partial<JobRunnerSetup>): JobRunnerSetup => ({ file, onUpdate: log.onUpdate, now: () => (clock += 1000), ...options });

async function openRunner(options: Partial<JobRunnerSetup> = {}): Promise<JobRunner> {
  const runner = await JobRunner.open(setup(options));
  runners.push(runner);
  return runner;
}

const readHistory = async (): Promise<{ version: number; jobs: PersistedJob[] }> => JSON.parse(await readFile(file, 'utf8')) as { version: number; jobs: PersistedJob[] };

function thrown(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

/** Runs `setupJobs` in a runner that then stops with those jobs still active, as if the app quit. */
async function stopWithRunningJobs(setupJobs: (runner: JobRunner) => void): Promise<void> {
  const before = await openRunner();
  setupJobs(before);
  await before.close();
  runners.splice(runners.indexOf(before), 1);
}

describe('JobRunner persistence', () => {
  it('keeps the history, remote references included, across a new runner on the same file', async () => {
    const first = await openRunner();
    const running = manualOperation();
    const runningJob = first.start(createSpec(), running.operation);
    running.ctx().setRemoteRef('pieces-backup-42');
    running.ctx().setBackupId('b-42');
    running.ctx().progress({ fraction: 0.3, stage: 'Copying snippets' });
    const done = manualOperation();
    const doneJob = first.start(createSpec({ kind: 'delete', backupId: 'b-7' }), done.operation);
    done.succeed('Backup b-7 deleted.');
    await log.until(doneJob.id, 'succeeded');
    await first.flush();

    const onDisk = await readHistory();
    expect(onDisk.version).toBe(1);
    expect(onDisk.jobs.map((j) => j.id)).toEqual([doneJob.id, runningJob.id]);
    expect(onDisk.jobs[1].remoteRef).toBe('pieces-backup-42');

    const second = await openRunner();
    expect(second.historyProblem).toBeUndefined();
    expect(second.list()).toEqual(first.list());
    expect(second.get(runningJob.id)).toMatchObject({ state: 'running', backupId: 'b-42', stage: 'Copying snippets', progress: { fraction: 0.3 } });
    expect(second.get(doneJob.id)).toMatchObject({ state: 'succeeded', outcome: 'Backup b-7 deleted.' });
    expect(second.interruptedAtLastStop()).toEqual([expect.objectContaining({ id: runningJob.id, remoteRef: 'pieces-backup-42' })]);
    expect(await readdir(dir)).toEqual(['jobs.json']);
  });

  it('saves progress by itself about a second later (coalescing is proven in job-history.test.ts)', async () => {
    vi.useFakeTimers();
    const runner = await openRunner({ now: undefined });
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(async () => expect((await readHistory()).jobs.map((j) => j.id)).toEqual([job.id]), { timeout: 5_000 });

    for (let i = 1; i <= 500; i++) op.ctx().progress({ fraction: i / 1000 });
    await vi.advanceTimersByTimeAsync(999);
    expect((await readHistory()).jobs[0].progress).toEqual({});
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(async () => expect((await readHistory()).jobs[0].progress.fraction).toBe(0.5), { timeout: 5_000 });
  });

  it('saves pending changes on close', async () => {
    const runner = await openRunner();
    const op = manualOperation();
    const job = runner.start(createSpec(), op.operation);
    op.ctx().progress({ fraction: 0.75 });
    await runner.close();
    expect((await readHistory()).jobs).toEqual([expect.objectContaining({ id: job.id, state: 'running', progress: expect.objectContaining({ fraction: 0.75 }) })]);
  });

  it('keeps the newest maxHistory finished jobs and every active one', async () => {
    const runner = await openRunner({ maxHistory: 3 });
    const active = runner.start(createSpec(), manualOperation().operation);
    const finished: string[] = [];
    for (let i = 0; i < 5; i++) {
      const op = manualOperation();
      const job = runner.start(createSpec(), op.operation);
      op.succeed();
      await log.until(job.id, 'succeeded');
      finished.push(job.id);
    }
    const expected = [finished[4], finished[3], finished[2], active.id];
    expect(runner.list().map((j) => j.id)).toEqual(expected);
    await runner.flush();
    expect((await readHistory()).jobs.map((j) => j.id)).toEqual(expected);
    expect((await openRunner({ maxHistory: 1 })).list().map((j) => j.id)).toEqual([finished[4], active.id]);
  });

  it('moves a corrupt history aside, starts empty and saves a fresh one', async () => {
    await writeFile(file, '{"version":1,"jobs":[{"id":');
    const runner = await openRunner();
    expect(runner.list()).toEqual([]);
    expect(runner.historyProblem?.error.code).toBe('corrupt-config');
    expect(runner.historyProblem?.error.message).toContain(`The job history at ${file} is not valid`);
    const movedTo = runner.historyProblem?.movedTo ?? '';
    expect(movedTo).toMatch(/jobs\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await readFile(movedTo, 'utf8')).toBe('{"version":1,"jobs":[{"id":');

    runner.start(createSpec(), manualOperation().operation);
    await runner.flush();
    expect((await readHistory()).jobs).toHaveLength(1);
    expect(await readFile(movedTo, 'utf8')).toBe('{"version":1,"jobs":[{"id":');
  });

  it('treats a history with an impossible job state as corrupt too', async () => {
    await writeFile(file, JSON.stringify({ version: 1, jobs: [{ id: 'x', state: 'exploded' }] }));
    const runner = await openRunner();
    expect(runner.list()).toEqual([]);
    expect(runner.historyProblem?.movedTo).toBeDefined();
  });
});

describe('JobRunner after a restart', () => {
  it('re-attaches running jobs with a fresh context and finishes them with the endpoint’s answer', async () => {
    let runningId = '';
    await stopWithRunningJobs((runner) => {
      const op = manualOperation();
      runningId = runner.start(createSpec(), op.operation).id;
      op.ctx().setRemoteRef('op-7');
    });
    const runner = await openRunner();
    const [orphan] = runner.interruptedAtLastStop();
    expect(orphan).toMatchObject({ id: runningId, state: 'running', remoteRef: 'op-7' });
    expect(thrown(() => runner.cancel(runningId)).code).toBe('conflict');

    let seen: OperationContext | undefined;
    const before = log.of(runningId).length;
    const resumed = runner.reattach(orphan, async (op) => {
      seen = op;
      op.progress({ fraction: 0.9 });
      return { state: 'succeeded', outcome: 'Pieces OS finished the backup while Backup Console was closed.' };
    });
    expect(resumed).toMatchObject({ state: 'running', stage: REATTACH_STAGE });
    expect(seen?.signal.aborted).toBe(false);
    const done = await log.until(runningId, 'succeeded');
    expect(done.outcome).toBe('Pieces OS finished the backup while Backup Console was closed.');
    expect(log.of(runningId)[before]).toMatchObject({ state: 'running', stage: REATTACH_STAGE });
    expect(log.states(runningId).slice(-2)).toEqual(['running', 'succeeded']);
    expect(runner.interruptedAtLastStop()).toEqual([]);
    expect(thrown(() => runner.reattach(orphan, async () => null)).code).toBe('conflict');
  });

  it('marks a re-attached job interrupted when the endpoint cannot tell how it ended', async () => {
    await stopWithRunningJobs((runner) => runner.start(createSpec(), manualOperation().operation));
    const runner = await openRunner();
    const [orphan] = runner.interruptedAtLastStop();
    runner.reattach(orphan, async () => null);
    const ended = await log.until(orphan.id, 'interrupted');
    expect(ended.outcome).toBe(UNKNOWN_ENDING);
    expect(ended.outcome).toBe('Backup Console stopped while this job ran and the endpoint cannot tell how it ended.');
    await runner.flush();
    expect((await openRunner()).get(orphan.id).state).toBe('interrupted');
  });

  it('carries a cancel that was under way through the restart', async () => {
    await stopWithRunningJobs((runner) => {
      const job = runner.start(createSpec(), manualOperation().operation);
      runner.cancel(job.id);
    });
    const runner = await openRunner();
    const [orphan] = runner.interruptedAtLastStop();
    expect(orphan.state).toBe('cancelling');
    let abortedAtStart: boolean | undefined;
    const resumed = runner.reattach(orphan, async (op) => {
      abortedAtStart = op.signal.aborted;
      return { state: 'cancelled', outcome: 'Cancelled: the partial backup was discarded.' };
    });
    expect(resumed.state).toBe('cancelling');
    expect(abortedAtStart).toBe(true);
    expect((await log.until(orphan.id, 'cancelled')).outcome).toBe('Cancelled: the partial backup was discarded.');
  });

  it('closes jobs whose endpoint is gone with markInterrupted', async () => {
    await stopWithRunningJobs((runner) => runner.start(createSpec(), manualOperation().operation));
    const runner = await openRunner();
    const [orphan] = runner.interruptedAtLastStop();
    const closed = runner.markInterrupted(orphan.id, 'Its endpoint has been removed.');
    expect(closed).toMatchObject({ state: 'interrupted', outcome: 'Its endpoint has been removed.' });
    expect(closed.finishedAt).toBeDefined();
    expect(log.last(orphan.id).state).toBe('interrupted');
    expect(runner.interruptedAtLastStop()).toEqual([]);
    expect(thrown(() => runner.markInterrupted(orphan.id, 'again')).message).toBe('That job already finished.');
    expect(thrown(() => runner.markInterrupted('missing', 'x')).code).toBe('not-found');
    await runner.flush();
    expect((await openRunner()).interruptedAtLastStop()).toEqual([]);
  });

  it('does not let markInterrupted end a job that is running in this session', () => {
    const runner = new JobRunner(setup({}));
    runners.push(runner);
    const job = runner.start(createSpec(), manualOperation().operation);
    expect(thrown(() => runner.markInterrupted(job.id, 'x')).code).toBe('conflict');
    expect(runner.get(job.id).state).toBe('running');
  });
});
