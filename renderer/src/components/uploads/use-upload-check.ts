import { useQuery } from '@tanstack/react-query';
import type { UploadCheck } from '../../../../shared/contract';
import { useClient } from '../../hooks/use-client';
import { headBytesNeeded, mergeProblems, uploadFileProblems } from '../../lib/upload-file-check';
import { queryKeys } from '../../queries/keys';

export interface UploadCheckState {
  /** Both checks answered; `failed`: main could not be asked (the local findings still show). */
  status: 'checking' | 'done' | 'failed';
  problems: string[];
  warnings: string[];
  knownDownload: UploadCheck['knownDownload'];
  error: unknown;
  retry(): void;
  retrying: boolean;
}

/** The same file (by name, size and modification time) keeps its answer while its dialog is open. */
const fileKey = (file: File) => [file.name, file.size, file.lastModified] as const;

/**
 * Two checks before anything is sent: this window reads the first bytes itself (so browser mode,
 * where main never sees the file before the upload, refuses a non-gzip file at once), and main
 * answers `backups.inspectUpload` (it re-reads the bytes on the desktop and knows what this app downloaded).
 */
export function useUploadCheck(endpointId: string, file: File): UploadCheckState {
  const client = useClient();
  const path = client.pathOf(file);
  const local = useQuery({
    queryKey: [...queryKeys.all, 'upload-head', ...fileKey(file)],
    queryFn: async () => uploadFileProblems(file.size, new Uint8Array(await file.slice(0, headBytesNeeded).arrayBuffer())),
    gcTime: 0,
    retry: false,
  });
  const remote = useQuery({
    queryKey: [...queryKeys.all, 'upload-inspect', endpointId, path ?? '', ...fileKey(file)],
    queryFn: () => client.call('backups.inspectUpload', { endpointId, file: { name: file.name, sizeBytes: file.size, ...(path ? { path } : {}) } }),
    gcTime: 0,
    retry: false,
  });

  // A file this window cannot even read is a problem of its own (moved or deleted since it was picked).
  const localProblems = local.error ? [`This window could not read "${file.name}": it may have been moved or deleted since it was picked.`] : (local.data ?? []);
  const status = local.isPending || remote.isPending ? 'checking' : remote.isError ? 'failed' : 'done';
  return {
    status,
    problems: mergeProblems(localProblems, remote.data?.problems ?? []),
    warnings: remote.data?.warnings ?? [],
    knownDownload: remote.data?.knownDownload,
    error: remote.error,
    retry: () => void remote.refetch(),
    retrying: remote.isFetching,
  };
}
