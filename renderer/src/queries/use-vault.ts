import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VaultStatus } from '../../../shared/domain';
import { useClient } from '../hooks/use-client';
import { queryKeys } from './keys';

export function useVaultStatus() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.vault(), queryFn: () => client.call('vault.status', {}) });
}

export function useUnlockVault() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (passphrase: string) => client.call('vault.unlock', { passphrase }),
    onSuccess: async (status: VaultStatus) => {
      queryClient.setQueryData(queryKeys.vault(), status);
      // Anything that failed while the vault was locked is worth asking again.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[1] !== 'vault' });
    },
  });
}
