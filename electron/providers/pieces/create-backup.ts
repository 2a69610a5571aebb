import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { LONG_OPERATION_TIMEOUT_MS, PiecesApi } from './api';
import { followOperation } from './follow-operation';
import { notStartedOutcome } from './outcomes';
import { openProgressStream, type ProgressStream } from './progress-stream';
import { remoteRefFor, type PiecesSettings } from './settings';
import { settlesWithin } from './timing';
import { TrackedRequest } from './tracked-request';
import type { WireBackup } from './wire-schemas';

/**
 * The id of the backup our POST started: from the POST's answer, or (when the POST only answers at
 * the end) from the first creation on the progress stream that was not there before the POST.
 */
async function learnCreatedBackupId(request: TrackedRequest<WireBackup>, stream: ProgressStream | null, before: Set<string>, graceMs: number): Promise<string> {
  let unsubscribe: (() => void) | undefined;
  const fromStream = new Promise<string>((resolve) => {
    unsubscribe = stream?.onFrame((frame) => {
      const fresh = frame.backups?.find((entry) => entry.backup && !before.has(entry.backup.id));
      if (fresh?.backup) resolve(fresh.backup.id);
    });
  });
  try {
    const first = await Promise.race([request.settled.then(() => 'request' as const), fromStream]);
    if (first !== 'request') {
      // Someone else's backup may have started just before ours; a refused POST says so quickly.
      await settlesWithin(request.settled, graceMs);
      if (request.state !== 'rejected') return request.value?.id ?? first;
    }
    if (request.state === 'rejected') throw request.error;
    return request.value!.id;
  } finally {
    unsubscribe?.();
  }
}

export async function createBackup(settings: PiecesSettings, ctx: ProviderContext, op: OperationContext): Promise<OperationOutcome> {
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  const api = new PiecesApi(ctx.http);
  const log = ctx.log.child({ provider: 'pieces', operation: 'create' });
  // Aborted on the way out: closes the stream and any POST still waiting for a blocking server.
  const cleanup = new AbortController();
  try {
    op.progress({ stage: 'Asking Pieces OS to start the backup' });
    const stream = settings.useProgressStream ? await openProgressStream(ctx.http.baseUrl, log, cleanup.signal, { caPem: ctx.endpoint.tls?.caPem }) : null;
    const before = new Set((await stream?.firstFrame(settings.firstFrameWaitMs))?.backups?.flatMap((e) => (e.backup ? [e.backup.id] : [])) ?? []);
    if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
    const request = new TrackedRequest(api.createBackup({ signal: cleanup.signal, timeoutMs: LONG_OPERATION_TIMEOUT_MS }));
    const backupId = await learnCreatedBackupId(request, stream, before, settings.streamIdGraceMs);
    op.setBackupId(backupId);
    op.setRemoteRef(remoteRefFor('creation', backupId));
    log.info('Backup started', { backupId, answeredAtOnce: request.state === 'resolved' });
    const outcome = await followOperation({ api, log, op, phase: 'creation', backupId, stream, request, pollIntervalMs: settings.pollIntervalMs, resumed: false });
    if (outcome) return outcome;
    throw new AppError('server-error', `Pieces OS stopped reporting backup ${backupId}, and it is not in your cloud: the backup did not complete.`, 'Check Pieces OS, then try again.');
  } finally {
    cleanup.abort();
  }
}
