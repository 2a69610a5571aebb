import { useId, useRef, useState } from 'react';
import type { Job } from '../../../../shared/domain';
import { useCancelJob } from '../../queries/use-backup-mutations';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/ErrorMessage';

/**
 * Cancel in two steps: first say what cancelling does on this endpoint and what it leaves
 * behind (`cancelNote`), then do it. Focus lands on "Keep running", the safe choice.
 */
export function JobCancelControl({ job }: { job: Job }) {
  const cancel = useCancelJob();
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  if (job.state === 'cancelling') return null;
  if (!job.cancellable) {
    return <span className="shrink-0 pt-0.5 text-xs text-slate-600 dark:text-slate-400">Cannot be cancelled</span>;
  }

  function close() {
    setConfirming(false);
    cancel.reset();
    triggerRef.current?.focus();
  }

  return (
    <div className="flex shrink-0 flex-col items-end gap-2">
      <Button
        ref={triggerRef}
        size="sm"
        data-testid="job-cancel"
        aria-expanded={confirming}
        aria-controls={confirming ? panelId : undefined}
        onClick={() => (confirming ? close() : setConfirming(true))}
      >
        Cancel…
      </Button>
      {confirming && (
        <div
          id={panelId}
          role="group"
          aria-label="Confirm cancelling this job"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
          className="w-80 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <p className="font-semibold">Cancel this job?</p>
          <p className="break-words">{job.cancelNote ?? 'The endpoint is asked to stop; what it has done so far may stay in place.'}</p>
          {cancel.error && <ErrorMessage error={cancel.error} />}
          <div className="flex justify-end gap-2">
            <Button size="sm" autoFocus onClick={close}>
              Keep running
            </Button>
            <Button
              size="sm"
              variant="danger"
              data-testid="job-cancel-confirm"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(job.id, { onSuccess: () => setConfirming(false) })}
            >
              {cancel.isPending ? 'Cancelling…' : 'Cancel job'}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
