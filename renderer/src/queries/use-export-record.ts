import { useMutation } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';

/** Asks the endpoint for a backup's record (Cinder's export), as text to save. */
export function useExportRecord() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: { endpointId: string; backupId: string }) => client.call('backups.exportRecord', input),
  });
}
