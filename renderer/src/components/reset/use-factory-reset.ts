import { useMutation, useQuery } from '@tanstack/react-query';
import { useClient } from '../../hooks/use-client';
import { queryKeys } from '../../queries/keys';
import { useRecordJob } from '../../queries/use-job-cache';

/** Starts the reset; `confirmation` is the endpoint name exactly as typed (main checks it again). */
export function useFactoryReset() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: { endpointId: string; confirmation: string }) => client.call('endpoints.factoryReset', input),
    onSuccess: recordJob,
  });
}

/** Every backup on the endpoint, whatever list filters the grid shows: the reset deletes them all. */
export function useAllBackups(endpointId: string) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.backups.list(endpointId),
    queryFn: () => client.call('backups.list', { endpointId }),
    staleTime: 30_000,
  });
}
