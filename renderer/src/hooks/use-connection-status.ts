import { useSyncExternalStore } from 'react';
import type { ConnectionStatus } from '../client/renderer-client';
import { useClient } from './use-client';

export function useConnectionStatus(): ConnectionStatus {
  const client = useClient();
  return useSyncExternalStore(
    (onChange) => client.onConnectionStatus(onChange),
    () => client.getConnectionStatus(),
  );
}
