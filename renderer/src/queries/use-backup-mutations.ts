import { useMutation } from '@tanstack/react-query';
import type { OperationOptions } from '../../../shared/domain';
import { useClient } from '../hooks/use-client';
import { useRecordJob } from './use-job-cache';

export interface CreateBackupInput {
  endpointId: string;
  /** The kind's create form, when it has one; main's provider validates it again. */
  options?: OperationOptions;
}

export function useCreateBackup() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: CreateBackupInput) => client.call('backups.create', input),
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

export interface RestoreBackupInput {
  endpointId: string;
  backupId: string;
  /** Exactly what the operator typed; omitted when the restore overwrites nothing (main decides again). */
  confirmation?: string;
  options?: OperationOptions;
}

export function useRestoreBackup() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: RestoreBackupInput) => client.call('backups.restore', input),
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

/** Registers a backup from a record file (Cinder import_record); the text is sent as read. */
export function useImportRecord() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: { endpointId: string; text: string }) => client.call('backups.importRecord', input),
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
