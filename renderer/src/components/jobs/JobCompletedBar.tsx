import type { Job } from '../../../../shared/domain';
import { ProgressTrack } from './ProgressTrack';

/** A finished determinate job keeps a full bar, so the last thing seen is "done", not a vanished bar. */
export function JobCompletedBar({ job }: { job: Job }) {
  return (
    <ProgressTrack job={job} valueNow={100} valueText="Finished" className="h-1.5 bg-emerald-100 dark:bg-emerald-950">
      <div className="h-full w-full rounded-full bg-emerald-600 dark:bg-emerald-400" />
    </ProgressTrack>
  );
}
