import { z } from 'zod';
import { jobSchema, terminalJobStates } from '../../../shared/domain';
import { toErrorEnvelope, type ErrorEnvelope } from '../../../shared/errors';
import { moveAside, readJsonFile, writeFileAtomic } from '../fs/atomic-file';
import type { PersistedJob } from './types';

const persistedJobSchema: z.ZodType<PersistedJob> = jobSchema.extend({ remoteRef: z.string().optional() });
const historyFileSchema = z.object({ version: z.literal(1), jobs: z.array(persistedJobSchema) });

export interface HistoryProblem {
  error: ErrorEnvelope;
  /** Where the unreadable file now is; absent when it could not be moved. */
  movedTo?: string;
}

export interface LoadedHistory {
  jobs: PersistedJob[];
  problem?: HistoryProblem;
  /** False when a bad file could not be moved aside: saving would overwrite it, so nothing is saved. */
  writable: boolean;
}

export const emptyHistory: LoadedHistory = { jobs: [], writable: true };

/** A bad history must not stop the app: it is renamed to `<file>.corrupt-<timestamp>` and the app starts with none. */
export async function loadJobHistory(file: string, nowMs: number): Promise<LoadedHistory> {
  try {
    const data = await readJsonFile(file, historyFileSchema, 'The job history');
    return { jobs: data?.jobs ?? [], writable: true };
  } catch (error) {
    const envelope = toErrorEnvelope(error);
    try {
      return { jobs: [], problem: { error: envelope, movedTo: await moveAside(file, nowMs) }, writable: true };
    } catch {
      return { jobs: [], problem: { error: envelope }, writable: false };
    }
  }
}

/** Oldest first by start time; the file is newest first, and that order breaks ties. */
export function oldestFirst(jobs: PersistedJob[]): PersistedJob[] {
  return jobs
    .map((job, index) => ({ job, index, at: Date.parse(job.startedAt) || 0 }))
    .sort((a, b) => a.at - b.at || b.index - a.index)
    .map((entry) => entry.job);
}

export const isTerminal = (job: PersistedJob): boolean => terminalJobStates.includes(job.state);

/** `entries` newest first; keeps every active job and the newest `maxFinished` finished ones. */
export function boundHistory<T extends { job: PersistedJob }>(entries: T[], maxFinished: number): { kept: T[]; dropped: T[] } {
  const kept: T[] = [];
  const dropped: T[] = [];
  let finished = 0;
  for (const entry of entries) {
    if (!isTerminal(entry.job)) kept.push(entry);
    else if (finished++ < maxFinished) kept.push(entry);
    else dropped.push(entry);
  }
  return { kept, dropped };
}

/**
 * Coalesces history writes: `markDirty` schedules one write after `delayMs` (or at once when
 * urgent), however many changes arrive meanwhile. Writes never overlap and always take a fresh
 * snapshot, so the file ends up with the latest state.
 */
export class HistoryWriter {
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Number.POSITIVE_INFINITY;
  private dirty = false;
  private stopped = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly snapshot: () => PersistedJob[],
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  markDirty(urgent: boolean): void {
    if (this.stopped) return;
    this.dirty = true;
    const wait = urgent ? 0 : this.delayMs;
    const due = Date.now() + wait;
    if (this.timer && this.timerDue <= due) return;
    this.clearTimer();
    this.timerDue = due;
    this.timer = setTimeout(() => this.flush().catch(this.onError), wait);
  }

  flush(): Promise<void> {
    this.clearTimer();
    const run = this.chain.then(() => this.writeIfDirty());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Writes what is pending, then ignores further changes. */
  async close(): Promise<void> {
    const last = this.flush();
    this.stopped = true;
    await last;
  }

  private async writeIfDirty(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, jobs: this.snapshot() }, null, 2) + '\n');
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Number.POSITIVE_INFINITY;
  }
}
