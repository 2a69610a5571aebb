import type { Readable } from 'node:stream';
import type { CallHandlers, StreamUploadRequest } from '../../../shared/contract';
import type { Endpoint, Job } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { OperationOutcome, Provider } from '../../providers/provider';
import { openPathUpload, peekHead, streamedUpload, uploadProblems, type GuardedUpload } from '../files/upload-source';
import type { CoreDeps } from './deps';
import { afterDeleteFirst, checkDeleteFirst, type DeleteFirst } from './delete-first';
import { requireCapability, startJob } from './provider-calls';

type UploadHandlers = Pick<CallHandlers, 'backups.inspectUpload' | 'backups.upload'>;

const NOT_OURS =
  'Backup Console did not download this file from an appliance, or it changed since. Upload it only if you know it is a backup from an appliance running the same software version: the appliance may refuse it, and restoring a foreign file can leave the appliance misconfigured.';

interface UploadRequest {
  endpointId: string;
  warningsAccepted: boolean;
  deleteFirst?: DeleteFirst;
}

function uploader(deps: CoreDeps, endpoint: Endpoint): Provider & Required<Pick<Provider, 'uploadBackup'>> {
  const provider = requireCapability(deps, endpoint, 'upload');
  if (!provider.uploadBackup) throw new AppError('unsupported', `${provider.info.label} endpoints take no uploads.`);
  return provider as Provider & Required<Pick<Provider, 'uploadBackup'>>;
}

/** After the bytes went out, their SHA-256 says for certain whether this was a file the app saved. */
function withDigest(deps: CoreDeps, upload: GuardedUpload, outcome: OperationOutcome): OperationOutcome {
  const sha256 = upload.sha256();
  if (!sha256 || outcome.state !== 'succeeded') return outcome;
  const known = deps.downloads.bySha256(sha256);
  const origin = known ? ` It is byte for byte the backup${known.backupId ? ` ${known.backupId}` : ''} downloaded from ${known.endpointName} on ${known.savedAt.slice(0, 10)}.` : '';
  return { ...outcome, outcome: `${outcome.outcome} SHA-256 of the bytes sent: ${sha256}.${origin}` };
}

async function startUpload(deps: CoreDeps, request: UploadRequest & { clientRef?: string }, upload: GuardedUpload, knownPath?: string): Promise<Job> {
  const endpoint = deps.endpoints.get(request.endpointId);
  const provider = uploader(deps, endpoint);
  checkDeleteFirst(deps, endpoint, request.deleteFirst);
  const known = await deps.downloads.match({ name: upload.name, sizeBytes: upload.sizeBytes, path: knownPath });
  if (!known && !request.warningsAccepted) {
    throw new AppError('validation', NOT_OURS, 'Confirm in the upload dialog that it should be uploaded anyway.');
  }
  deps.log.info('upload requested', { endpointId: endpoint.id, name: upload.name, sizeBytes: upload.sizeBytes, knownDownload: Boolean(known) });
  return startJob(
    deps,
    endpoint,
    {
      kind: 'upload',
      stage: `Uploading ${upload.name}`,
      cancellable: true,
      clientRef: request.clientRef,
      cancelNote: 'Cancelling stops the transfer; the file on this computer is untouched, and Backup Console checks that the endpoint kept nothing of it.',
    },
    async (ctx, op) => withDigest(deps, upload, await afterDeleteFirst(provider, ctx, op, request.deleteFirst, () => provider.uploadBackup(ctx, upload, op))),
  );
}

/**
 * Browser mode streams the file through the web host: the request body is the file. Its first
 * bytes are checked before the job starts (before a backup is deleted to make room). Refused
 * uploads leave the rest of the body unread; the host drains it.
 */
export async function startStreamUpload(deps: CoreDeps, request: StreamUploadRequest, body: Readable): Promise<Job> {
  const { head, stream } = await peekHead(body, 2);
  const problem = uploadProblems(request.sizeBytes, head)[0];
  if (problem) throw new AppError('validation', problem);
  return startUpload(deps, request, streamedUpload(request.name, request.sizeBytes, stream));
}

export function uploadHandlers(deps: CoreDeps): UploadHandlers {
  return {
    'backups.inspectUpload': async ({ endpointId, file }) => {
      uploader(deps, deps.endpoints.get(endpointId));
      // With a path, main reads the file itself; browser mode checks the first bytes as they stream in.
      const problems = file.path
        ? await openPathUpload(file.path, { dataDir: deps.appInfo.dataDir }).then(
            () => [],
            (error: unknown) => [error instanceof AppError ? error.message : String(error)],
          )
        : uploadProblems(file.sizeBytes, undefined);
      const known = await deps.downloads.match(file);
      return {
        problems,
        warnings: known ? [] : [NOT_OURS],
        ...(known
          ? { knownDownload: { endpointName: known.entry.endpointName, backupId: known.entry.backupId, savedAt: known.entry.savedAt, sha256: known.entry.sha256, matchedBy: known.matchedBy } }
          : {}),
      };
    },
    'backups.upload': async ({ path, ...request }) => {
      if (!deps.uploadPaths) {
        throw new AppError('validation', 'In browser mode files are not read by path.', 'Drop the file on the window or pick it with Upload backup file…: it is streamed to the app.');
      }
      if (!deps.uploadPaths.has(path)) {
        throw new AppError('validation', `${path} was not dropped or picked in this window, so Backup Console does not read it.`, 'Drop the file on the window or pick it with Upload backup file….');
      }
      return startUpload(deps, request, await openPathUpload(path, { dataDir: deps.appInfo.dataDir }), path);
    },
  };
}
