import type { Job } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { useProgressAnnouncement } from '../../hooks/use-progress-announcement';
import { formatBytes } from '../../lib/format-bytes';
import { formatDuration } from '../../lib/format-duration';
import { elapsedSeconds, progressPercent, remainingSeconds } from '../../lib/progress';
import { ProgressTrack } from './ProgressTrack';

/**
 * Determinate when the endpoint reports a fraction (percent, ETA, bytes), otherwise stage +
 * elapsed time with an indeterminate bar. Milestones and stage changes go to a polite live region.
 */
export function JobProgressBar({ job }: { job: Job }) {
  const now = useNow(1000);
  const percent = progressPercent(job);
  const remaining = remainingSeconds(job, now);
  const elapsed = formatDuration(elapsedSeconds(job, now));
  const announcement = useProgressAnnouncement(job);
  const { bytesDone, bytesTotal } = job.progress;

  const facts = [
    percent !== undefined ? `${percent} %` : undefined,
    remaining !== undefined ? `about ${formatDuration(remaining)} left` : undefined,
    `${elapsed} elapsed`,
  ].filter(Boolean);

  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-3 text-xs">
        <span data-testid="job-stage" className="min-w-0 truncate text-slate-700 dark:text-slate-300" title={job.stage}>
          {job.stage}
        </span>
        <span className="shrink-0 tabular-nums text-slate-600 dark:text-slate-400">{facts.join(' · ')}</span>
      </div>
      <ProgressTrack
        job={job}
        valueNow={percent}
        valueText={`${percent !== undefined ? facts.join(', ') : `${job.stage}, ${elapsed} elapsed`}${job.stalled ? ', no progress reported for a while' : ''}`}
        className="h-2 bg-slate-200 dark:bg-slate-700"
      >
        {percent !== undefined ? (
          <div
            className={`h-full rounded-full transition-[width] duration-300 motion-reduce:transition-none ${job.stalled ? 'bg-amber-500' : 'bg-blue-600 dark:bg-blue-400'}`}
            style={{ width: `${percent}%` }}
          />
        ) : (
          // A stalled job must not look busy: amber and still instead of a moving blue bar.
          <div
            className={`h-full rounded-full ${job.stalled ? 'w-full bg-amber-400/70 dark:bg-amber-500/60' : 'progress-indeterminate w-1/3 bg-blue-600 dark:bg-blue-400'}`}
          />
        )}
      </ProgressTrack>
      {bytesDone !== undefined && (
        <p className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
          {formatBytes(bytesDone)}
          {bytesTotal !== undefined ? ` of ${formatBytes(bytesTotal)}` : ''}
        </p>
      )}
      {job.stalled && (
        <p data-testid="job-stalled" className="text-xs font-medium text-amber-800 dark:text-amber-300">
          No progress reported for a while. The endpoint may be busy or stuck; the job is still being watched.
        </p>
      )}
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
