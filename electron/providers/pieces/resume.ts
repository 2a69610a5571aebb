import type { OperationContext, OperationOutcome, ProviderContext, ResumableJob } from '../provider';
import { PiecesApi, type Phase } from './api';
import { followOperation } from './follow-operation';
import { finishedWhileClosedOutcome } from './outcomes';
import { openProgressStream } from './progress-stream';
import { parseRemoteRef, type PiecesSettings } from './settings';
import { TrackedRequest } from './tracked-request';

/**
 * Re-attaches after a restart. Pieces OS keeps the status of a creation/restoration only while
 * (and shortly after) it runs, so:
 * - status found: follow it to its end, exactly as if the app had never stopped (cancel works too);
 * - creation gone: the backup in the cloud list proves it finished; absent, it failed or was
 *   cancelled, and Pieces OS cannot say which: null (interrupted);
 * - restoration gone: nothing on the wire shows whether it completed: null (interrupted);
 * - delete: gone from the list = done; still listed = unknown (null). Asset backups: null.
 */
export async function resumeOperation(settings: PiecesSettings, ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null> {
  const ref = parseRemoteRef(job.remoteRef);
  const backupId = job.backupId ?? ref?.backupId;
  if (!backupId) return null;
  const api = new PiecesApi(ctx.http);
  const log = ctx.log.child({ provider: 'pieces', operation: 'resume', kind: job.kind, backupId });

  if (job.kind === 'delete') {
    const stillThere = await api.findBackup(backupId, { signal: op.signal });
    return stillThere ? null : { state: 'succeeded', outcome: `Backup ${backupId} is no longer in your Pieces cloud.` };
  }
  if (job.kind !== 'create' && job.kind !== 'restore') return null;

  const phase: Phase = job.kind === 'create' ? 'creation' : 'restoration';
  const status = await api.status(phase, backupId, { signal: op.signal });
  if (!status) {
    if (phase === 'restoration') return null;
    const backup = await api.findBackup(backupId, { signal: op.signal });
    return backup ? { state: 'succeeded', outcome: finishedWhileClosedOutcome(backupId), backupId } : null;
  }
  log.info('Re-attached', { status: status.value, percentage: status.percentage });
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
      resumed: true,
    });
  } finally {
    cleanup.abort();
  }
}
