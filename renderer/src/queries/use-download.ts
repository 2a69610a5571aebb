import { useMutation } from '@tanstack/react-query';
import type { OperationOptions } from '../../../shared/domain';
import type { SaveDestination } from '../lib/save-location';
import { useClient } from '../hooks/use-client';
import { useRecordJob } from './use-job-cache';

/** The desktop's native save dialog; browser mode answers `type-it` with a default path instead. */
export function useChooseSaveLocation() {
  const client = useClient();
  return useMutation({
    mutationFn: (suggestedName: string) => client.call('files.chooseSaveLocation', { suggestedName }),
  });
}

export interface DownloadBackupInput {
  endpointId: string;
  backupId: string;
  destination: SaveDestination;
}

/** Starts the transfer as a job; main refuses an existing file unless `overwrite`, a relative path or a missing folder. */
export function useDownloadBackup() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: DownloadBackupInput) => client.call('backups.download', input),
    onSuccess: recordJob,
  });
}

export interface CreateBackupWithDownloadInput {
  endpointId: string;
  options?: OperationOptions;
  /** Save the new backup to this file in the same job (kinds whose backups can be downloaded). */
  download?: SaveDestination;
}

/** `backups.create`, with the optional save of the new backup; the create dialog uses this one. */
export function useCreateBackupWithDownload() {
  const client = useClient();
  const recordJob = useRecordJob();
  return useMutation({
    mutationFn: (input: CreateBackupWithDownloadInput) => client.call('backups.create', input),
    onSuccess: recordJob,
  });
}
