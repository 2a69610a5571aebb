import { useQuery } from '@tanstack/react-query';
import type { ConnectionTest } from '../../../shared/domain';
import { toClientError } from '../client/client-error';
import { useClient } from '../hooks/use-client';
import { latestHealth, type HealthEvidence } from '../lib/endpoint-health';
import { queryKeys } from './keys';

/**
 * Health for the sidebar dot, from evidence the app already has: it watches the endpoint's
 * backup-list cache entry (never fetching it itself) next to the last explicit connection test.
 */
export function useEndpointHealth(endpointId: string, test: { data?: ConnectionTest; dataUpdatedAt: number }): ConnectionTest | undefined {
  const client = useClient();
  const list = useQuery({
    queryKey: queryKeys.backups.list(endpointId),
    queryFn: () => client.call('backups.list', { endpointId }),
    enabled: false,
  });
  const evidence: HealthEvidence = {};
  if (test.data) evidence.test = { result: test.data, at: test.dataUpdatedAt };
  if (list.error && list.errorUpdatedAt >= list.dataUpdatedAt) evidence.list = { ok: false, message: toClientError(list.error).message, at: list.errorUpdatedAt };
  else if (list.data) evidence.list = { ok: true, count: list.data.length, at: list.dataUpdatedAt };
  return latestHealth(evidence);
}
