import { useQuery } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

export function useAppInfo() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.appInfo(), queryFn: () => client.call('app.info', {}) });
}
