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

/** Whether `a` is a later picture of the same job than `b`: newer `updatedAt`, or terminal at the same time. */
function isNewer(a: Job, b: Job): boolean {
  const diff = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  return diff > 0 || (diff === 0 && isTerminal(a) && !isTerminal(b));
}

/**
 * Writes a fetched `jobs.list` over the cached one without going back in time: a list that left
 * main before a `job.updated` event may arrive after it, so each job keeps its newer picture.
 * A job only in the cache is kept when it changed after the request left (`requestedAtMs`: main
 * had not sent it yet); older ones are gone from main's history.
 */
export function mergeFetchedJobs(cached: readonly Job[] | undefined, fetched: readonly Job[], requestedAtMs: number): Job[] {
  const byId = new Map((cached ?? []).map((job) => [job.id, job]));
  const merged = fetched.map((job) => {
    const held = byId.get(job.id);
    return held && isNewer(held, job) ? held : job;
  });
  const listed = new Set(fetched.map((job) => job.id));
  const pushedMeanwhile = (cached ?? []).filter((job) => !listed.has(job.id) && Date.parse(job.updatedAt) >= requestedAtMs);
  return sortNewestFirst([...pushedMeanwhile, ...merged]);
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
