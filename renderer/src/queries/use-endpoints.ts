import { useQuery } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

export function useEndpoints(enabled = true) {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.endpoints.list(), queryFn: () => client.call('endpoints.list', {}), enabled });
}
