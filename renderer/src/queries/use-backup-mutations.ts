import { useMutation } from '@tanstack/react-query';
import { useClient } from '../hooks/use-client';
import { useRecordJob } from './use-job-cache';

export function useCreateBackup() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (endpointId: string) => client.call('backups.create', { endpointId }),
    onSuccess: recordJob,
  });
}

export function useBackupAsset() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: { endpointId: string; assetId: string }) => client.call('backups.backupAsset', input),
    onSuccess: recordJob,
  });
}

export interface DestructiveBackupInput {
  endpointId: string;
  backupId: string;
  /** Exactly what the operator typed; main compares it to the backup id again. */
  confirmation: string;
}

export function useRestoreBackup() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: DestructiveBackupInput) => client.call('backups.restore', input),
    onSuccess: recordJob,
  });
}

export function useDeleteBackup() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: DestructiveBackupInput) => client.call('backups.delete', input),
    onSuccess: recordJob,
  });
}

export function useCancelJob() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (jobId: string) => client.call('jobs.cancel', { jobId }),
    onSuccess: recordJob,
  });
}
