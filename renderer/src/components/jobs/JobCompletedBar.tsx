import type { Job } from '../../../../shared/domain';
import { jobTitle } from '../../lib/labels';

/** A finished determinate job keeps a full bar, so the last thing seen is "done", not a vanished bar. */
export function JobCompletedBar({ job }: { job: Job }) {
  return (
    <div
      role="progressbar"
      data-testid="job-progress"
      aria-label={`${jobTitle(job)} on ${job.endpointName}`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={100}
      aria-valuetext="Finished"
      className="h-1.5 overflow-hidden rounded-full bg-emerald-100 dark:bg-emerald-950"
    >
      <div className="h-full w-full rounded-full bg-emerald-600 dark:bg-emerald-400" />
    </div>
  );
}
