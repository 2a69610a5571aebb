import type { Job } from '../../../../shared/domain';
import { isTerminal } from '../../queries/jobs-cache';

type Step = 'done' | 'current' | 'failed';

function stepOf(job: Job, index: number): Step {
  if (index < job.milestones.length - 1) return 'done';
  if (!isTerminal(job)) return 'current';
  return job.state === 'succeeded' ? 'done' : 'failed';
}

const marks: Record<Step, { symbol: string; label: string; className: string }> = {
  done: { symbol: '✓', label: 'done', className: 'text-emerald-700 dark:text-emerald-400' },
  current: { symbol: '●', label: 'in progress', className: 'text-sky-700 dark:text-sky-400' },
  failed: { symbol: '✕', label: 'where it stopped', className: 'text-red-700 dark:text-red-400' },
};

/** The named steps an operation went through (a restore's stages), so none flashes by unseen. */
export function JobMilestones({ job }: { job: Job }) {
  if (job.milestones.length === 0) return null;
  return (
    <ol data-testid="job-milestones" className="mt-1 space-y-0.5 text-xs text-slate-700 dark:text-slate-300">
      {job.milestones.map((milestone, index) => {
        const step = stepOf(job, index);
        const mark = marks[step];
        return (
          <li key={`${index}-${milestone}`} data-testid="job-milestone" data-step={step} className="flex gap-1.5">
            <span aria-hidden="true" className={`w-3 shrink-0 text-center ${mark.className}`}>
              {mark.symbol}
            </span>
            <span className="min-w-0 break-words">
              <span className="sr-only">{mark.label}: </span>
              {milestone}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
