import { useMutation } from '@tanstack/react-query';
import type { CallInput } from '../../../../shared/contract';
import { useClient } from '../../hooks/use-client';
import { useRecordJob } from '../../queries/use-job-cache';

/** `backups.create` with everything the contract takes (kind options, a download, a backup to delete first). */
export function useCreateBackupJob() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: CallInput<'backups.create'>) => client.call('backups.create', input),
    onSuccess: recordJob,
  });
}
