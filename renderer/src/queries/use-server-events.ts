import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Job } from '../../../shared/domain';
import { useClient } from '../hooks/use-client';
import { becameTerminal, upsertJob } from './jobs-cache';
import { queryKeys } from './keys';

/**
 * Main pushes; the cache follows. "changed" events invalidate (notify, then re-read);
 * `job.updated` carries the whole job, so it is written straight into the jobs list.
 */
export function useServerEvents(): void {
  const client = useClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    const unsubscribers = [
      client.on('job.updated', (job) => {
        const jobs = queryClient.getQueryData<Job[]>(queryKeys.jobs.list());
        if (jobs) queryClient.setQueryData(queryKeys.jobs.list(), upsertJob(jobs, job));
        // Belt and braces: whatever a finished job touched is re-read even if backups.changed is late.
        if (becameTerminal(jobs, job)) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.backups.forEndpoint(job.endpointId) });
        }
      }),
      client.on('backups.changed', ({ endpointId }) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.backups.forEndpoint(endpointId) });
      }),
      client.on('endpoints.changed', () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.list() });
      }),
      client.on('vault.changed', (status) => {
        // The payload is the whole status: writing it is the same as invalidating and re-reading.
        queryClient.setQueryData(queryKeys.vault(), status);
      }),
      client.onReconnect(() => {
        // Events may have been missed while the feed was down.
        void queryClient.invalidateQueries({ queryKey: queryKeys.all });
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [client, queryClient]);
}
