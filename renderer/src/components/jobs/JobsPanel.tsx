import { isTerminal } from '../../queries/jobs-cache';
import { useJobs } from '../../queries/use-jobs';
import { ErrorMessage } from '../ui/ErrorMessage';
import { JobItem } from './JobItem';

const recentLimit = 50;

/**
 * Every job across endpoints: running ones with progress first, then the recent outcomes. Stacked
 * above the workspace so a sticky grid header squeezed by a tall endpoint header never paints over it.
 */
export function JobsPanel() {
  const jobs = useJobs();
  const active = jobs.data?.filter((job) => !isTerminal(job)) ?? [];
  const recent = jobs.data?.filter(isTerminal).slice(0, recentLimit) ?? [];

  return (
    <section
      aria-labelledby="jobs-heading"
      data-testid="jobs-panel"
      className="relative z-10 flex max-h-72 min-h-0 shrink-0 flex-col border-t border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/70"
    >
      <div className="flex shrink-0 items-center gap-2 px-4 pt-2.5 pb-1.5">
        <h2 id="jobs-heading" className="text-sm font-semibold">
          Jobs
        </h2>
        {active.length > 0 && (
          <span className="rounded-full bg-blue-100 px-2 text-xs font-medium text-blue-900 dark:bg-blue-900 dark:text-blue-100">
            {active.length} running
          </span>
        )}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 pb-3">
        {jobs.isPending ? (
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Loading jobs…
          </p>
        ) : jobs.isError && !jobs.data ? (
          <ErrorMessage title="Could not load jobs" error={jobs.error} onRetry={() => void jobs.refetch()} retrying={jobs.isFetching} />
        ) : jobs.data.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No jobs yet. Backups, restores and deletions you start appear here with their progress.
          </p>
        ) : (
          <div className="space-y-3">
            {active.length > 0 && <JobList label="Running" jobs={active} />}
            {recent.length > 0 && <JobList label="Recent" jobs={recent} />}
          </div>
        )}
      </div>
    </section>
  );
}

function JobList({ label, jobs }: { label: string; jobs: Parameters<typeof JobItem>[0]['job'][] }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">{label}</h3>
      <ul className="space-y-2">
        {jobs.map((job) => (
          <JobItem key={job.id} job={job} />
        ))}
      </ul>
    </div>
  );
}
