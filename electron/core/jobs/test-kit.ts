import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job, JobState } from '../../../shared/domain';
import type { OperationContext, OperationOutcome } from '../../providers/provider';
import type { JobOperation, JobSpec } from './types';

/** Test helpers for the job runner tests (not shipped code). */

export const createSpec = (over: Partial<JobSpec> = {}): JobSpec => ({
  kind: 'create',
  endpointId: 'ep-1',
  endpointName: 'Laptop',
  stage: 'Asking Pieces OS to start the backup',
  cancellable: true,
  cancelNote: 'Pieces OS discards the partial backup.',
  ...over,
});

/** Every onUpdate call, with a way to wait for one. */
export class UpdateLog {
  readonly all: Job[] = [];
  private waiters: { match: (job: Job) => boolean; resolve: (job: Job) => void }[] = [];

  readonly onUpdate = (job: Job): void => {
    this.all.push(job);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(job)) return true;
      w.resolve(job);
      return false;
    });
  };

  of(jobId: string): Job[] {
    return this.all.filter((j) => j.id === jobId);
  }

  last(jobId: string): Job {
    const updates = this.of(jobId);
    if (updates.length === 0) throw new Error(`no update for ${jobId}`);
    return updates[updates.length - 1];
  }

  /** States in the order delivered, repeats collapsed. */
  states(jobId: string): JobState[] {
    return this.of(jobId)
      .map((j) => j.state)
      .filter((state, i, all) => i === 0 || all[i - 1] !== state);
  }

  until(jobId: string, state: JobState): Promise<Job> {
    const match = (job: Job) => job.id === jobId && job.state === state;
    const seen = this.all.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

/** An operation the test finishes by hand. */
export function manualOperation() {
  let context: OperationContext | undefined;
  let settle: { resolve: (o: OperationOutcome) => void; reject: (e: unknown) => void } | undefined;
  const operation: JobOperation = (op) => {
    context = op;
    return new Promise<OperationOutcome>((resolve, reject) => {
      settle = { resolve, reject };
    });
  };
  const started = () => {
    if (!context || !settle) throw new Error('the operation has not started');
    return { context, settle };
  };
  return {
    operation,
    ctx: (): OperationContext => started().context,
    succeed: (outcome = 'Backup created.', backupId?: string) => started().settle.resolve({ state: 'succeeded', outcome, backupId }),
    finishCancelled: (outcome = 'Cancelled: the partial backup was discarded.') => started().settle.resolve({ state: 'cancelled', outcome }),
    fail: (error: unknown) => started().settle.reject(error),
    endUnknown: (outcome: string) => started().settle.resolve({ state: 'unknown', outcome }),
  };
}

export async function withTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bc-jobs-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
