import { useMutationState, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Job } from '../../../../shared/domain';
import { toClientError } from '../../client/client-error';
import { useEndpoints } from '../../queries/use-endpoints';
import { useJobs } from '../../queries/use-jobs';
import { useUiStore } from '../../state/ui-store';
import { Button } from '../ui/Button';
import { uploadMutationKey, type StartUploadInput } from './use-start-upload';

interface FailedUpload {
  mutationId: number;
  input: StartUploadInput;
  submittedAt: number;
  error: unknown;
}

/** Clocks of the window and the host can differ a little; a job started this close to the request is its job. */
const sameUploadSlackMs = 5_000;

/** Once the upload has a job, the jobs panel (and its toast) reports how it ended: no second notice. */
function hasJob(upload: FailedUpload, jobs: readonly Job[] | undefined): boolean {
  return Boolean(
    jobs?.some((job) => job.kind === 'upload' && job.endpointId === upload.input.request.endpointId && Date.parse(job.startedAt) >= upload.submittedAt - sameUploadSlackMs),
  );
}

/**
 * Top right, under the top bar: uploads that failed without a job to show it (refused before
 * starting, or cut off), with "Try again", and why the last window-level drop was refused.
 */
export function UploadNotices({ refusal, onDismissRefusal }: { refusal: string | null; onDismissRefusal(): void }) {
  const queryClient = useQueryClient();
  const { data: jobs } = useJobs();
  const { data: endpoints } = useEndpoints();
  const openDialog = useUiStore((state) => state.openDialog);
  const failed = useMutationState({
    filters: { mutationKey: uploadMutationKey, status: 'error' },
    select: (mutation): FailedUpload => ({
      mutationId: mutation.mutationId,
      input: mutation.state.variables as StartUploadInput,
      submittedAt: mutation.state.submittedAt,
      error: mutation.state.error,
    }),
  }).filter((upload) => !hasJob(upload, jobs));

  function dismiss(mutationId: number) {
    const cache = queryClient.getMutationCache();
    const mutation = cache.getAll().find((m) => m.mutationId === mutationId);
    if (mutation) cache.remove(mutation);
  }

  if (!refusal && failed.length === 0) return null;
  return (
    <div className="fixed top-16 right-4 z-30 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
      {refusal && (
        <Notice testId="upload-drop-refused" title="Not uploaded" onDismiss={onDismissRefusal}>
          <p className="break-words">{refusal}</p>
        </Notice>
      )}
      {failed.map((upload) => {
        const { message, hint } = toClientError(upload.error);
        const endpointName = endpoints?.find((e) => e.id === upload.input.request.endpointId)?.name ?? 'the endpoint';
        return (
          <Notice key={upload.mutationId} testId="upload-failed" title={`“${upload.input.file.name}” was not uploaded to ${endpointName}`} onDismiss={() => dismiss(upload.mutationId)}>
            <p className="break-words">{message}</p>
            {hint && <p className="break-words text-slate-700 dark:text-slate-300">{hint}</p>}
            <Button
              size="sm"
              className="mt-1"
              onClick={() => {
                dismiss(upload.mutationId);
                openDialog({ type: 'upload', endpointId: upload.input.request.endpointId, file: upload.input.file });
              }}
            >
              Try again…
            </Button>
          </Notice>
        );
      })}
    </div>
  );
}

function Notice({ testId, title, onDismiss, children }: { testId: string; title: string; onDismiss(): void; children: ReactNode }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex items-start gap-2 rounded-md border border-red-400 bg-white p-3 text-sm text-slate-900 shadow-lg dark:border-red-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold break-words">{title}</p>
        {children}
      </div>
      <Button size="sm" variant="ghost" onClick={onDismiss} aria-label={`Dismiss: ${title}`}>
        ✕
      </Button>
    </div>
  );
}
