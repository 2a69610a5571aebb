import type { EndpointView } from '../../../shared/contract';
import { useEndpoints } from '../queries/use-endpoints';
import { useUiStore } from '../state/ui-store';

/**
 * The endpoint the main area shows: the one the operator picked, or the first one while nothing
 * (or something since removed) is picked. Derived on every render, never stored.
 */
export function useSelectedEndpoint(): EndpointView | undefined {
  const { data: endpoints } = useEndpoints();
  const selectedId = useUiStore((state) => state.selectedEndpointId);
  return endpoints?.find((endpoint) => endpoint.id === selectedId) ?? endpoints?.[0];
}
