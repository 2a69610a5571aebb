import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { LONG_OPERATION_TIMEOUT_MS, PiecesApi } from './api';
import { followOperation } from './follow-operation';
import { learnCreatedBackupId } from './learn-backup-id';
import { notStartedOutcome } from './outcomes';
import { openProgressStream } from './progress-stream';
import { remoteRefFor, type PiecesSettings } from './settings';
import { TrackedRequest } from './tracked-request';

export const waitingForIdStage = 'Waiting for Pieces OS to say which backup it is making, so the cancel can be sent';

export async function createBackup(settings: PiecesSettings, ctx: ProviderContext, op: OperationContext): Promise<OperationOutcome> {
  if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
  const api = new PiecesApi(ctx.http);
  const log = ctx.log.child({ provider: 'pieces', operation: 'create' });
  // Aborted on the way out: closes the stream and any POST still waiting for a blocking server.
  const cleanup = new AbortController();
  try {
    op.progress({ stage: 'Asking Pieces OS to start the backup' });
    const stream = settings.useProgressStream ? await openProgressStream(ctx.http.baseUrl, log, cleanup.signal, { caPem: ctx.endpoint.tls?.caPem }) : null;
    const firstFrame = await stream?.firstFrame(settings.firstFrameWaitMs);
    if (op.signal.aborted) return { state: 'cancelled', outcome: notStartedOutcome };
    const request = new TrackedRequest(api.createBackup({ signal: cleanup.signal, timeoutMs: LONG_OPERATION_TIMEOUT_MS }));
    const learnt = await learnCreatedBackupId({
      request,
      // Without the frame from before our POST, a creation on the stream may be someone else's: only the POST can name ours.
      stream: firstFrame && stream ? stream : null,
      before: new Set(firstFrame?.backups?.flatMap((e) => (e.backup ? [e.backup.id] : [])) ?? []),
      graceMs: settings.streamIdGraceMs,
      signal: op.signal,
      onCancelWhileUnknown: () => op.progress({ stage: waitingForIdStage }),
    });
    const backupId = learnt.id;
    op.setBackupId(backupId);
    op.setRemoteRef(remoteRefFor('creation', backupId));
    log.info('Backup started', { backupId, answeredAtOnce: request.state === 'resolved', cancelWaitedForId: learnt.afterCancel });
    const outcome = await followOperation({
      api,
      log,
      op,
      phase: 'creation',
      backupId,
      stream,
      request,
      pollIntervalMs: settings.pollIntervalMs,
      cancelRetryMs: settings.cancelRetryMs,
      resumed: false,
      idLearntAfterCancel: learnt.afterCancel,
    });
    if (outcome) return outcome;
    throw new AppError('server-error', `Pieces OS stopped reporting backup ${backupId}, and it is not in your cloud: the backup did not complete.`, 'Check Pieces OS, then try again.');
  } finally {
    cleanup.abort();
  }
}
