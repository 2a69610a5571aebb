import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';
import { listFiltersToSend } from '../lib/list-filters';
import { useUiStore } from '../state/ui-store';
import { queryKeys } from './keys';
import { useEndpoints } from './use-endpoints';
import { useKindInfo } from './use-kinds';

/**
 * The server-side filters in force for an endpoint (from the UI store, limited to what its kind
 * declares). Every reader of an endpoint's list uses them, so the grid, the details pane and the
 * dialogs all look at the same cache entry.
 */
export function useBackupListFilters(endpointId: string | undefined): Record<string, string> | undefined {
  const { data: endpoints } = useEndpoints();
  const kind = useKindInfo(endpoints?.find((e) => e.id === endpointId)?.kind);
  const filters = useUiStore((state) => (endpointId ? state.backupListFilters[endpointId] : undefined));
  return listFiltersToSend(filters, kind?.listFilters.map((f) => f.name) ?? []);
}

/** Backups live on remote endpoints and may change behind our back, so this list does go stale. */
export function useBackups(endpointId: string | undefined) {
  const client = useClient();
  const filters = useBackupListFilters(endpointId);
  return useQuery({
    queryKey: queryKeys.backups.filteredList(endpointId ?? '', filters),
    queryFn: () => client.call('backups.list', { endpointId: endpointId ?? '', ...(filters ? { filters } : {}) }),
    enabled: Boolean(endpointId),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
    // A filter change keeps the rows on screen (marked as refreshing) instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}
