import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointConfig, EndpointKind } from '../../../shared/domain';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

export interface SaveEndpointInput {
  /** Absent when adding. */
  endpointId?: string;
  config: EndpointConfig;
  /** Only the secrets the operator typed; blank ones are left out so stored values are kept. */
  secrets?: Record<string, string>;
}

export function useSaveEndpoint() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ endpointId, config, secrets }: SaveEndpointInput) =>
      endpointId
        ? client.call('endpoints.update', { endpointId, config, secrets })
        : client.call('endpoints.add', { config, secrets }),
    onSuccess: async (saved) => {
      queryClient.removeQueries({ queryKey: queryKeys.connectionTest(saved.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.list() });
    },
  });
}

export function useRemoveEndpoint() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endpointId: string) => client.call('endpoints.remove', { endpointId }),
    onSuccess: async (_result, endpointId) => {
      queryClient.removeQueries({ queryKey: queryKeys.connectionTest(endpointId) });
      queryClient.removeQueries({ queryKey: queryKeys.backups.forEndpoint(endpointId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.list() });
    },
  });
}

export type TestEndpointInput = { endpointId: string } | { config: EndpointConfig; secrets?: Record<string, string> };

/**
 * Tests from the endpoint form: a saved endpoint by id (with its stored secrets; the result also
 * becomes its health dot), or a draft config (not cached as anyone's health).
 */
export function useTestEndpoint() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TestEndpointInput) => client.call('endpoints.test', input),
    onSuccess: (result, input) => {
      if ('endpointId' in input) queryClient.setQueryData(queryKeys.connectionTest(input.endpointId), result);
    },
  });
}

export function useImportEndpoints() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => client.call('endpoints.import', { text }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.list() });
    },
  });
}

export interface ImportConfigFileInput {
  text: string;
  kind: EndpointKind;
  /** Omitted: only list the entries (clouds) in the file. */
  entry?: string;
  name?: string;
}

/** Reads a config file the operator already keeps (clouds.yaml): first its entries, then adds the chosen one. */
export function useImportConfigFile() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportConfigFileInput) => client.call('endpoints.importConfigFile', input),
    onSuccess: async (result) => {
      if (result.added) await queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.list() });
    },
  });
}
