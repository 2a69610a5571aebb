import type { Job } from '../../../../shared/domain';
import { formatDateTime } from '../../lib/format-date';
import { formatDuration } from '../../lib/format-duration';
import { jobStateLabels, jobStateTones, jobTitle } from '../../lib/labels';
import { elapsedSeconds } from '../../lib/progress';
import { isTerminal } from '../../queries/jobs-cache';
import { Badge } from '../ui/Badge';
import { ErrorMessage } from '../ui/ErrorMessage';
import { JobCancelControl } from './JobCancelControl';
import { JobCompletedBar } from './JobCompletedBar';
import { JobMilestones } from './JobMilestones';
import { JobProgressBar } from './JobProgressBar';
import { JobSavedFile } from './JobSavedFile';

export function JobItem({ job }: { job: Job }) {
  const terminal = isTerminal(job);
  return (
    <li
      data-testid="job-item"
      data-job-id={job.id}
      data-job-kind={job.kind}
      data-job-state={job.state}
      className="rounded-md border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="min-w-0 truncate text-sm font-medium" title={jobTitle(job)}>
          {jobTitle(job)}
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-400">on {job.endpointName}</span>
        <Badge tone={jobStateTones[job.state]} testId="job-state">
          {jobStateLabels[job.state]}
        </Badge>
        <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
          {terminal
            ? `${formatDateTime(job.finishedAt ?? job.updatedAt)} · took ${formatDuration(elapsedSeconds(job, Date.parse(job.updatedAt)))}`
            : `started ${formatDateTime(job.startedAt)}`}
        </span>
      </div>
      {terminal ? (
        <div className="mt-1 space-y-1.5">
          {job.state === 'succeeded' && job.progress.fraction !== undefined && <JobCompletedBar job={job} />}
          <JobMilestones job={job} />
          {job.savedFile && <JobSavedFile file={job.savedFile} />}
          {job.outcome && (
            <p data-testid="job-outcome" className="text-sm break-words text-slate-800 dark:text-slate-200">
              {job.outcome}
            </p>
          )}
          {job.error && <ErrorMessage error={job.error} />}
        </div>
      ) : (
        <div className="mt-1.5 flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <JobProgressBar job={job} />
            <JobMilestones job={job} />
          </div>
          <JobCancelControl job={job} />
        </div>
      )}
    </li>
  );
}
