import type { OperationContext, OperationOutcome, ProviderContext } from '../provider';
import { LONG_OPERATION_TIMEOUT_MS, PiecesApi } from './api';
import { followOperation } from './follow-operation';
import { notStartedOutcome, restoreUnconfirmedError } from './outcomes';
import { openProgressStream } from './progress-stream';
import { remoteRefFor, type PiecesSettings } from './settings';
import { TrackedRequest } from './tracked-request';

/** POST /backup/{id}/restore with the Backup from GET /backup/{id}: replaces the local database. */
export async function restoreBackup(settings: PiecesSettings, ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome> {
  const notStarted: OperationOutcome = { state: 'cancelled', outcome: notStartedOutcome };
  if (op.signal.aborted) return notStarted;
  const api = new PiecesApi(ctx.http);
  const log = ctx.log.child({ provider: 'pieces', operation: 'restore', backupId });
  const cleanup = new AbortController();
  try {
    op.progress({ stage: 'Reading the backup from Pieces cloud' });
    const backup = await api.getBackup(backupId, { signal: op.signal }).catch((error: unknown) => {
      if (op.signal.aborted) return undefined;
      throw error;
    });
    if (!backup) return notStarted;
    const stream = settings.useProgressStream ? await openProgressStream(ctx.http.baseUrl, log, cleanup.signal, { caPem: ctx.endpoint.tls?.caPem }) : null;
    if (op.signal.aborted) return notStarted;
    op.setBackupId(backupId);
    op.setRemoteRef(remoteRefFor('restoration', backupId));
    op.progress({ stage: 'Asking Pieces OS to start the restore', fraction: 0 });
    const request = new TrackedRequest(api.restore(backup, { signal: cleanup.signal, timeoutMs: LONG_OPERATION_TIMEOUT_MS }));
    const { pollIntervalMs, cancelRetryMs } = settings;
    const outcome = await followOperation({ api, log, op, phase: 'restoration', backupId, backup, stream, request, pollIntervalMs, cancelRetryMs, resumed: false });
    if (outcome) return outcome;
    throw restoreUnconfirmedError(backupId);
  } finally {
    cleanup.abort();
  }
}
