import { useQuery } from '@tanstack/react-query';
import type { EndpointKind, KindInfo } from '../../../shared/domain';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

export function useKinds(enabled = true) {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.kinds(), queryFn: () => client.call('kinds.list', {}), enabled });
}

export function useKindInfo(kind: EndpointKind | undefined): KindInfo | undefined {
  const { data } = useKinds();
  return kind ? data?.find((info) => info.kind === kind) : undefined;
}
