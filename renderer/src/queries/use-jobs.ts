import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Job } from '../../../shared/domain';
import type { CallInput } from '../../../shared/contract';
import { useClient } from '../hooks/use-client';
import { mergeFetchedJobs } from './jobs-cache';
import { queryKeys } from './keys';

export interface JobsSource {
  call(name: 'jobs.list', input: CallInput<'jobs.list'>): Promise<Job[]>;
}

/** Fetches the jobs list and merges it into what `job.updated` events already put in the cache. */
export async function loadJobs(client: JobsSource, queryClient: QueryClient): Promise<Job[]> {
  const requestedAtMs = Date.now();
  const fetched = await client.call('jobs.list', {});
  return mergeFetchedJobs(queryClient.getQueryData<Job[]>(queryKeys.jobs.list()), fetched, requestedAtMs);
}

/** Jobs are owned by main; `job.updated` events keep this cache current (see use-server-events). */
export function useJobs(enabled = true) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.jobs.list(),
    queryFn: () => loadJobs(client, queryClient),
    enabled,
  });
}
