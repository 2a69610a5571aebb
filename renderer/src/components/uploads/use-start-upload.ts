import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UploadRequest } from '../../client/renderer-client';
import { useClient } from '../../hooks/use-client';
import { queryKeys } from '../../queries/keys';
import { useRecordJob } from '../../queries/use-job-cache';

export const uploadMutationKey = [...queryKeys.all, 'upload'] as const;

export interface StartUploadInput {
  request: UploadRequest;
  file: File;
}

/**
 * Starts an upload. The dialog closes at once and this keeps running: on the desktop it answers
 * with the job straight away; in browser mode only once the whole file is sent. Failures stay in
 * the mutation cache (gcTime Infinity) until UploadNotices shows and the operator dismisses them.
 */
export function useStartUpload() {
  const client = useClient();
  const queryClient = useQueryClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationKey: uploadMutationKey,
    mutationFn: ({ request, file }: StartUploadInput) => client.uploadFile(request, file),
    gcTime: Infinity,
    onSuccess: (job) => {
      recordJob(job);
      // The success is recorded after this callback returns; drop it then (nothing shows successes, and each holds a File).
      setTimeout(() => {
        const cache = queryClient.getMutationCache();
        for (const mutation of cache.findAll({ mutationKey: uploadMutationKey, status: 'success' })) cache.remove(mutation);
      }, 0);
    },
  });
}
