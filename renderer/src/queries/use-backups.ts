import { useQuery } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

/** Backups live on remote endpoints and may change behind our back, so this list does go stale. */
export function useBackups(endpointId: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.backups.list(endpointId ?? ''),
    queryFn: () => client.call('backups.list', { endpointId: endpointId ?? '' }),
    enabled: Boolean(endpointId),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}
