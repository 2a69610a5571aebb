import type { Job, JobKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProgressUpdate } from '../../providers/provider';
import { silentLogger, type Logger } from '../log/logger';
import { EtaEstimator } from './eta';
import { boundHistory, emptyHistory, HistoryWriter, isTerminal, loadJobHistory, oldestFirst, type HistoryProblem, type LoadedHistory } from './job-history';
import { mergeProgress, sameProgress } from './job-progress';
import { UpdateThrottle } from './progress-throttle';
import { StallWatch } from './stall-watch';
import { createJob, endJob, toPublic, type Ending } from './job-transitions';
import type { JobOperation, JobRunnerOptions, JobSpec, PersistedJob, ResumeOperation } from './types';

const PERSIST_DELAY_MS = 1_000;
export const REATTACH_STAGE = 'Re-attached after restart: checking the endpoint';
export { UNKNOWN_ENDING } from './job-transitions';

/** JobRunnerOptions plus a logger for problems nobody awaits (history file trouble, a throwing onUpdate). */
export type JobRunnerSetup = JobRunnerOptions & { log?: Logger };

type Work = (op: OperationContext) => Promise<OperationOutcome | null>;

/** One execution of an operation in this process. */
interface Run {
  controller: AbortController;
  eta: EtaEstimator;
  throttle: UpdateThrottle;
  stall: StallWatch;
  finished: boolean;
  /** Settles once the operation returned and the job ended. */
  done?: Promise<void>;
  /** Stopped because the app quits, not by the operator: the outcome says so. */
  quitting?: boolean;
}

interface JobRecord {
  job: PersistedJob;
  /** Creation order; list() is newest first by it. */
  seq: number;
  run?: Run;
  /** Was active when the last session stopped; waits for reattach() or markInterrupted(). */
  orphaned: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Runs every long operation as a job: owns ids, state, progress (coalesced to the UI, ETA, stall
 * flag), the bounded persisted history, and re-attaching after a restart. Use `JobRunner.open` to
 * keep the history on disk; `new JobRunner(options)` starts empty and replaces the file on its first save.
 */
export class JobRunner {
  /** Set when the history file could not be used at open; the runner then started empty. */
  readonly historyProblem: HistoryProblem | undefined;
  private readonly records = new Map<string, JobRecord>();
  private readonly writer: HistoryWriter | undefined;
  private readonly now: () => number;
  private readonly log: Logger;
  private readonly maxHistory: number;
  private readonly updateIntervalMs: number;
  private readonly stallAfterMs: number;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly options: JobRunnerSetup,
    loaded: LoadedHistory = emptyHistory,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.log = options.log ?? silentLogger;
    this.maxHistory = options.maxHistory ?? 200;
    this.updateIntervalMs = 1000 / Math.max(options.maxUpdatesPerSecond ?? 10, 0.1);
    this.stallAfterMs = options.stallAfterMs ?? 120_000;
    this.historyProblem = loaded.problem;
    for (const job of oldestFirst(loaded.jobs)) this.insert(structuredClone(job), !isTerminal(job));
    this.prune();
    if (loaded.writable) {
      const snapshot = () => this.newestFirst().map((r) => r.job);
      this.writer = new HistoryWriter(options.file, snapshot, PERSIST_DELAY_MS, (e) => this.log.error('Could not save the job history', { file: options.file, error: e }));
    }
    if (loaded.problem) this.log.warn('The job history could not be read; starting with an empty one', { ...loaded.problem });
  }

  /** Loads the history from `options.file`. A corrupt file is moved aside (see historyProblem), never fatal. */
  static async open(options: JobRunnerSetup): Promise<JobRunner> {
    return new JobRunner(options, await loadJobHistory(options.file, options.now ? options.now() : Date.now()));
  }

  start(spec: JobSpec, operation: JobOperation): Job {
    const at = this.now();
    const job = createJob(spec, iso(at));
    const record = this.insert(job, false);
    this.launch(record, new EtaEstimator({ atMs: at, fraction: 0 }), operation, false);
    return toPublic(job);
  }

  /** Asks the operation to stop; it decides the final state. Cancelling twice is harmless. */
  cancel(jobId: string): Job {
    const record = this.record(jobId);
    const { job } = record;
    if (isTerminal(job)) throw new AppError('conflict', 'That job already finished.', 'Refresh the job list to see how it ended.');
    if (!job.cancellable) throw new AppError('unsupported', 'This job cannot be cancelled.', job.cancelNote ?? 'The endpoint offers no way to stop it; wait for it to finish.');
    if (job.state === 'cancelling') return toPublic(job);
    if (!record.run) throw new AppError('conflict', 'That job is waiting to be re-attached after a restart.', 'Try again once it shows progress.');
    this.setState(record, 'cancelling');
    record.run.controller.abort(new AppError('cancelled', 'Cancelled by the user.'));
    return toPublic(job);
  }

  /**
   * Quitting: stops the running jobs of these kinds (transfers to and from this computer, which
   * cannot be picked up again) and waits at most `graceMs` for them to clean up and end.
   */
  async stopForQuit(kinds: readonly JobKind[], graceMs: number): Promise<void> {
    const ending: Promise<void>[] = [];
    for (const record of this.records.values()) {
      const run = record.run;
      if (!run?.done || !kinds.includes(record.job.kind)) continue;
      run.quitting = true;
      if (record.job.state !== 'cancelling') this.setState(record, 'cancelling');
      run.controller.abort(new AppError('cancelled', 'Backup Console quit.'));
      ending.push(run.done);
    }
    if (!ending.length) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(ending), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  /** Jobs that were active when the last session stopped and have not been re-attached or closed yet. */
  interruptedAtLastStop(): PersistedJob[] {
    return this.newestFirst()
      .filter((r) => r.orphaned)
      .map((r) => structuredClone(r.job));
  }

  /**
   * Runs `resume` for a job left active by the last session. A job that was being cancelled stays
   * 'cancelling' and its signal starts aborted, so the user's cancel is carried through.
   */
  reattach(persisted: PersistedJob, resume: ResumeOperation): Job {
    const record = this.records.get(persisted.id) ?? this.insert(structuredClone(persisted), true);
    if (record.run) throw new AppError('conflict', 'That job is already running.');
    if (isTerminal(record.job)) throw new AppError('conflict', 'That job already finished.');
    const { job } = record;
    const wasCancelling = job.state === 'cancelling';
    job.state = wasCancelling ? 'cancelling' : 'running';
    job.stage = REATTACH_STAGE;
    job.stalled = false;
    delete job.progress.etaSeconds;
    this.launch(record, new EtaEstimator(), resume, wasCancelling);
    return toPublic(job);
  }

  /** Closes a job left active by the last session without resuming it (for example, its endpoint is gone). */
  markInterrupted(id: string, outcome: string): Job {
    const record = this.record(id);
    if (record.run) throw new AppError('conflict', 'That job is running; cancel it instead.');
    if (isTerminal(record.job)) throw new AppError('conflict', 'That job already finished.');
    record.orphaned = false;
    this.end(record, { kind: 'interrupted', outcome });
    this.emit(record);
    return toPublic(record.job);
  }

  list(): Job[] {
    return this.newestFirst().map((r) => toPublic(r.job));
  }

  get(id: string): Job {
    return toPublic(this.record(id).job);
  }

  flush(): Promise<void> {
    return this.writer?.flush() ?? Promise.resolve();
  }

  /** Saves the history and stops all timers. Running operations are left alone (not aborted) so the next start can re-attach. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { run } of this.records.values()) {
      run?.throttle.dispose();
      run?.stall.dispose();
    }
    await this.writer?.close();
  }

  private launch(record: JobRecord, eta: EtaEstimator, work: Work, abortAtStart: boolean): void {
    const controller = new AbortController();
    if (abortAtStart) controller.abort(new AppError('cancelled', 'Cancelled by the user.'));
    const run: Run = {
      controller,
      eta,
      throttle: new UpdateThrottle(this.updateIntervalMs, this.now, () => this.emit(record)),
      stall: new StallWatch(this.stallAfterMs, this.now, (stalled) => this.setStalled(record, stalled)),
      finished: false,
    };
    if (this.closed) run.stall.dispose();
    record.run = run;
    record.orphaned = false;
    record.job.updatedAt = iso(this.now());
    this.emit(record);
    this.persist(true);
    run.done = this.execute(record, run, work).catch((error: unknown) => this.log.error('Job runner failed to finish a job', { jobId: record.job.id, error }));
  }

  private async execute(record: JobRecord, run: Run, work: Work): Promise<void> {
    let ending: Ending;
    try {
      const outcome = await work(this.contextFor(record, run));
      ending = outcome ? { kind: 'outcome', outcome } : { kind: 'unknown' };
    } catch (error) {
      ending = { kind: 'error', error };
    }
    this.finish(record, run, ending);
  }

  private contextFor(record: JobRecord, run: Run): OperationContext {
    return {
      signal: run.controller.signal,
      progress: (update) => {
        if (!run.finished && !this.closed) this.applyProgress(record, run, update);
      },
      setRemoteRef: (ref) => {
        if (run.finished || record.job.remoteRef === ref) return;
        record.job.remoteRef = ref;
        this.persist(true);
      },
      recordSavedFile: (file) => {
        if (run.finished) return;
        record.job.savedFile = file;
        record.job.updatedAt = iso(this.now());
        run.throttle.immediate();
        this.persist(true);
      },
      setBackupId: (id) => {
        if (run.finished || record.job.backupId === id) return;
        record.job.backupId = id;
        record.job.updatedAt = iso(this.now());
        run.throttle.immediate();
        this.persist(true);
      },
    };
  }

  private applyProgress(record: JobRecord, run: Run, update: ProgressUpdate): void {
    const { job } = record;
    const progress = mergeProgress(job.progress, update);
    const stage = update.stage;
    const stageChanged = stage !== undefined && stage !== job.stage;
    if (!stageChanged && sameProgress(progress, job.progress)) return;
    const at = this.now();
    if (stageChanged) job.stage = stage;
    if (stageChanged && update.milestone) job.milestones = [...(job.milestones ?? []), stage];
    if (progress.fraction !== undefined && progress.fraction !== job.progress.fraction) {
      const eta = run.eta.estimate(at, progress.fraction);
      if (eta === undefined) delete progress.etaSeconds;
      else progress.etaSeconds = eta;
    }
    job.progress = progress;
    job.updatedAt = iso(at);
    run.stall.activity();
    this.persist(false);
    if (stageChanged && update.milestone) run.throttle.immediate();
    else run.throttle.request();
  }

  private setStalled(record: JobRecord, stalled: boolean): void {
    record.job.stalled = stalled;
    record.job.updatedAt = iso(this.now());
    record.run?.throttle.immediate();
    this.persist(false);
  }

  private setState(record: JobRecord, state: PersistedJob['state']): void {
    record.job.state = state;
    record.job.updatedAt = iso(this.now());
    record.run?.throttle.immediate();
    this.persist(true);
  }

  private finish(record: JobRecord, run: Run, ending: Ending): void {
    if (run.finished) return;
    run.finished = true;
    run.stall.dispose();
    run.throttle.dispose();
    record.run = undefined;
    this.end(record, ending, run.quitting);
    run.throttle.immediate();
  }

  /** Moves a job to its terminal state, prunes the history and saves it; the caller emits. */
  private end(record: JobRecord, ending: Ending, quitting = false): void {
    endJob(record.job, ending, iso(this.now()));
    if (quitting) record.job.outcome = `Stopped because Backup Console quit. ${record.job.outcome ?? record.job.error?.message ?? ''}`.trim();
    this.prune();
    this.persist(true);
  }

  private emit(record: JobRecord): void {
    try {
      this.options.onUpdate(toPublic(record.job));
    } catch (error) {
      this.log.error('A job update listener threw', { jobId: record.job.id, error });
    }
  }

  private persist(urgent: boolean): void {
    if (!this.closed) this.writer?.markDirty(urgent);
  }

  private insert(job: PersistedJob, orphaned: boolean): JobRecord {
    const record: JobRecord = { job, seq: this.seq++, orphaned };
    this.records.set(job.id, record);
    return record;
  }

  private record(id: string): JobRecord {
    const record = this.records.get(id);
    if (!record) throw new AppError('not-found', 'That job does not exist.', 'It may have dropped out of the job history; refresh the list.');
    return record;
  }

  private newestFirst(): JobRecord[] {
    return [...this.records.values()].sort((a, b) => b.seq - a.seq);
  }

  private prune(): void {
    for (const { job } of boundHistory(this.newestFirst(), this.maxHistory).dropped) this.records.delete(job.id);
  }
}
