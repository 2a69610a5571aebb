import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../../shared/domain';
import { useClient } from '../../hooks/use-client';
import { jobStateLabels, jobTitle } from '../../lib/labels';
import { isTerminal } from '../../queries/jobs-cache';
import { Button } from '../ui/Button';

interface Toast {
  id: string;
  job: Job;
}

const toastBorders: Partial<Record<Job['state'], string>> = {
  succeeded: 'border-green-400 dark:border-green-700',
  failed: 'border-red-400 dark:border-red-700',
  cancelled: 'border-slate-300 dark:border-slate-600',
  interrupted: 'border-amber-400 dark:border-amber-700',
};

const successLingerMs = 8_000;
const maxToasts = 3;
/** Outcomes the user expected (a success, or the cancel they asked for) fade; the jobs panel keeps the record. */
const fades = new Set<Job['state']>(['succeeded', 'cancelled']);

/**
 * Bottom-left, over the sidebar's usually empty lower part: never over the header actions or a
 * running job's Cancel button. Announces jobs that finish while the window is open. Successes and cancellations
 * fade after a few seconds; failures and interruptions stay until dismissed (the operator may have looked away).
 */
export function JobToasts() {
  const client = useClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const announced = useRef(new Set<string>());

  useEffect(
    () =>
      client.on('job.updated', (job) => {
        if (!isTerminal(job) || announced.current.has(job.id)) return;
        announced.current.add(job.id);
        setToasts((current) => [{ id: job.id, job }, ...current].slice(0, maxToasts));
        if (fades.has(job.state)) {
          setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== job.id)), successLingerMs);
        }
      }),
    [client],
  );

  const dismiss = (id: string) => setToasts((current) => current.filter((toast) => toast.id !== id));

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed bottom-20 left-3 z-30 flex w-[16.5rem] flex-col-reverse gap-2">
      {toasts.map(({ id, job }) => (
        <div
          key={id}
          data-testid="job-toast"
          className={`pointer-events-auto rounded-md border p-3 text-sm shadow-lg ${
            toastBorders[job.state] ?? toastBorders.failed
          } bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100`}
        >
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <p className="font-semibold break-words">
                {jobTitle(job)}: {jobStateLabels[job.state].toLowerCase()}
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">{job.endpointName}</p>
              {/* Long outcomes (a factory reset's) are cut here; the jobs panel keeps the whole text. */}
              {(job.outcome ?? job.error?.message) && (
                <p className="mt-1 line-clamp-4 break-words" title={job.outcome ?? job.error?.message}>
                  {job.outcome ?? job.error?.message}
                </p>
              )}
            </div>
            <Button size="sm" variant="ghost" onClick={() => dismiss(id)} aria-label={`Dismiss notice about ${jobTitle(job)}`}>
              ✕
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}
