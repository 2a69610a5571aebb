import type { Job } from '../../../shared/domain';

/** Whole percent when the job is determinate (fraction, or bytes done of a known total). */
export function progressPercent(job: Pick<Job, 'progress'>): number | undefined {
  const { fraction, bytesDone, bytesTotal } = job.progress;
  if (fraction !== undefined) return Math.round(fraction * 100);
  if (bytesDone !== undefined && bytesTotal) return Math.min(100, Math.round((bytesDone / bytesTotal) * 100));
  return undefined;
}

export function elapsedSeconds(job: Pick<Job, 'startedAt' | 'finishedAt'>, now: number): number {
  const start = Date.parse(job.startedAt);
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Number.isNaN(start) ? 0 : Math.max(0, (end - start) / 1000);
}

/** The ETA main reported, counted down since that update (it never goes below zero). */
export function remainingSeconds(job: Pick<Job, 'progress' | 'updatedAt'>, now: number): number | undefined {
  const eta = job.progress.etaSeconds;
  if (eta === undefined) return undefined;
  const updated = Date.parse(job.updatedAt);
  const sinceUpdate = Number.isNaN(updated) ? 0 : Math.max(0, (now - updated) / 1000);
  return Math.max(0, eta - sinceUpdate);
}

const milestones = [25, 50, 75, 100] as const;

/** The highest milestone passed when moving from `previous` to `next` percent, if any. */
export function crossedMilestone(previous: number | undefined, next: number | undefined): number | undefined {
  if (previous === undefined || next === undefined || next <= previous) return undefined;
  let crossed: number | undefined;
  for (const milestone of milestones) if (previous < milestone && next >= milestone) crossed = milestone;
  return crossed;
}
