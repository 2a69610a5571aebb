import { useQuery } from '@tanstack/react-query';
import type { ResourceType } from '../../../shared/domain';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

/** Under the app's root key, so a global invalidation covers it too. */
export const resourcesKey = (endpointId: string, type: ResourceType) => [...queryKeys.all, 'resources', endpointId, type] as const;

/**
 * What a create or restore form can pick (volumes, instances, flavors, datastores). Statuses
 * change as backups run (a volume goes `backing-up`), so a form opened later refetches.
 */
export function useResources(endpointId: string, type: ResourceType) {
  const client = useClient();
  return useQuery({
    queryKey: resourcesKey(endpointId, type),
    queryFn: () => client.call('resources.list', { endpointId, type }),
    staleTime: 10_000,
    refetchOnMount: 'always',
  });
}
