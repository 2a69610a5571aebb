import { terminalJobStates, type Job } from '../../../shared/domain';

export function isTerminal(job: Pick<Job, 'state'>): boolean {
  return terminalJobStates.includes(job.state);
}

/**
 * Upserts a pushed job into the cached jobs list (newest first). An update older than what the
 * cache already holds is ignored, so a late coalesced event cannot move a job backwards.
 * An unloaded list stays unloaded: the first fetch will bring the job anyway.
 */
export function upsertJob(jobs: readonly Job[] | undefined, job: Job): Job[] | undefined {
  if (!jobs) return undefined;
  const index = jobs.findIndex((j) => j.id === job.id);
  if (index === -1) return sortNewestFirst([job, ...jobs]);
  const current = jobs[index];
  if (Date.parse(current.updatedAt) > Date.parse(job.updatedAt)) return [...jobs];
  const next = [...jobs];
  next[index] = job;
  return next;
}

/** True when this update moves a job into a terminal state (used to refresh what the job touched). */
export function becameTerminal(previous: readonly Job[] | undefined, job: Job): boolean {
  if (!isTerminal(job)) return false;
  const before = previous?.find((j) => j.id === job.id);
  return !before || !isTerminal(before);
}

export function sortNewestFirst(jobs: readonly Job[]): Job[] {
  return [...jobs].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}
