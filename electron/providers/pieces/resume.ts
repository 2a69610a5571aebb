import type { OperationContext, OperationOutcome, ProviderContext, ResumableJob } from '../provider';
import { PiecesApi, type Phase } from './api';
import { followOperation } from './follow-operation';
import { finishedBeforeCancelWhileClosedOutcome, finishedWhileClosedOutcome } from './outcomes';
import { openProgressStream } from './progress-stream';
import { parseRemoteRef, type PiecesSettings } from './settings';
import { TrackedRequest } from './tracked-request';
import { isNetworkFailure, whenReachable, type Reached } from './when-reachable';

/**
 * Re-attaches after a restart. Pieces OS keeps the status of a creation/restoration only while
 * (and shortly after) it runs, so:
 * - status found: follow it to its end, exactly as if the app had never stopped (cancel works too:
 *   a job that was being cancelled arrives with `op.signal` already aborted, and the cancel is sent);
 * - creation gone: the backup in the cloud list proves it finished; absent, it failed or was
 *   cancelled, and Pieces OS cannot say which: null (interrupted);
 * - restoration gone: nothing on the wire shows whether it completed: null (interrupted);
 * - delete: gone from the list = done; still listed = unknown (null). Asset backups: null.
 * Pieces OS unreachable (for `reattachWaitMs`, or lost while following): null, never failed.
 */
export async function resumeOperation(settings: PiecesSettings, ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null> {
  const ref = parseRemoteRef(job.remoteRef);
  const backupId = job.backupId ?? ref?.backupId;
  if (!backupId) return null;
  const api = new PiecesApi(ctx.http);
  const log = ctx.log.child({ provider: 'pieces', operation: 'resume', kind: job.kind, backupId });
  // No call here takes op.signal: aborted, it carries a cancel that still has to be sent.
  const reach = <T>(call: () => Promise<T>): Promise<Reached<T>> =>
    whenReachable(call, { op, log, waitMs: settings.reattachWaitMs, retryMs: settings.reattachRetryMs });

  try {
    if (job.kind === 'delete') {
      const found = await reach(() => api.findBackup(backupId));
      return found.reached && !found.value ? { state: 'succeeded', outcome: `Backup ${backupId} is no longer in your Pieces cloud.` } : null;
    }
    if (job.kind !== 'create' && job.kind !== 'restore') return null;

    const phase: Phase = job.kind === 'create' ? 'creation' : 'restoration';
    const probe = await reach(() => api.status(phase, backupId));
    if (!probe.reached) return null;
    const status = probe.value;
    if (!status) {
      if (phase === 'restoration') return null;
      const found = await reach(() => api.findBackup(backupId));
      if (!found.reached || !found.value) return null;
      const outcome = op.signal.aborted ? finishedBeforeCancelWhileClosedOutcome(backupId) : finishedWhileClosedOutcome(backupId);
      return { state: 'succeeded', outcome, backupId };
    }
    log.info('Re-attached', { status: status.value, percentage: status.percentage, cancelRequested: op.signal.aborted });
    op.setBackupId(backupId);
    const cleanup = new AbortController();
    try {
      const stream = settings.useProgressStream ? await openProgressStream(ctx.http.baseUrl, log, cleanup.signal, { caPem: ctx.endpoint.tls?.caPem }) : null;
      return await followOperation({
        api,
        log,
        op,
        phase,
        backupId,
        backup: status.backup,
        stream,
        request: TrackedRequest.accepted(status.backup),
        pollIntervalMs: settings.pollIntervalMs,
        cancelRetryMs: settings.cancelRetryMs,
        resumed: true,
      });
    } finally {
      cleanup.abort();
    }
  } catch (error) {
    if (!isNetworkFailure(error)) throw error;
    log.warn('Lost Pieces OS while re-attached; cannot tell how the operation ended', { error });
    return null;
  }
}
