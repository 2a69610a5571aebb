import { useQuery } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

/**
 * Last connection test of a saved endpoint. Never runs on its own (tests reach out to the
 * endpoint); `refetch()` runs one, and the result stays for the health dot.
 */
export function useConnectionTest(endpointId: string) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.connectionTest(endpointId),
    queryFn: () => client.call('endpoints.test', { endpointId }),
    enabled: false,
    retry: false,
  });
}
