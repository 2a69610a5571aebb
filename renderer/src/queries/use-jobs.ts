import { useQuery } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';
import { sortNewestFirst } from './jobs-cache';
import { queryKeys } from './keys';

/** Jobs are owned by main; `job.updated` events keep this cache current (see use-server-events). */
export function useJobs(enabled = true) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.jobs.list(),
    queryFn: async () => sortNewestFirst(await client.call('jobs.list', {})),
    enabled,
  });
}
