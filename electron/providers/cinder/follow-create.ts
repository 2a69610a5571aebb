import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome } from '../provider';
import type { CinderApi } from './api';
import { cancelCreate } from './cancel-create';
import { watchContact } from './contact';
import { backupFailedError, cancelledCreateOutcome, createdOutcome, noCancel, type CancelFate } from './outcomes';
import { backoff, elapsedText, pause, type CinderTiming } from './timing';

export interface FollowCreate {
  api: CinderApi;
  timing: CinderTiming;
  op: OperationContext;
  backupId: string;
  /** Import and create share this loop; the stage says which. */
  what: 'backup' | 'import';
  startedAt?: number;
}

/**
 * Polls a backup that Cinder is creating (or importing) until `available` or `error`, with back-off.
 * Cancel (op.signal) force-deletes it; a refused cancel keeps following so the real end decides.
 */
export async function followCreate(f: FollowCreate): Promise<OperationOutcome> {
  const { api, op, backupId } = f;
  const startedAt = f.startedAt ?? Date.now();
  const next = backoff(f.timing);
  let cancel: CancelFate = noCancel;
  const watch = watchContact({ log: api.log, timing: f.timing, op, running: `${f.what === 'import' ? 'importing' : 'creating'} backup ${backupId}`, check: `backup ${backupId}` });
  // Once a cancel was tried (or when there is none to try: an import), an aborted signal must not turn the pause into a busy loop.
  const wait = () => pause(next(), cancel.fate === 'none' && f.what === 'backup' ? op.signal : undefined);
  for (;;) {
    if (op.signal.aborted && cancel.fate === 'none' && f.what === 'backup') {
      op.progress({ stage: 'Asking Cinder to force-delete the partial backup' });
      const result = await cancelCreate(api, f.timing, watch, backupId);
      if (result.kind === 'ended') return result.outcome;
      cancel = result.kind === 'refused' ? { fate: 'refused', why: result.why, unsure: result.unsure } : { fate: 'too-late' };
    }
    const got = await watch.attempt(() => api.findBackup(backupId));
    if (!got) {
      await wait();
      continue;
    }
    const backup = got.value;
    if (!backup) {
      // A force-delete whose answer was lost on the way did get through after all.
      if (cancel.fate === 'refused' && cancel.unsure) return { state: 'cancelled', outcome: cancelledCreateOutcome };
      throw new AppError('not-found', `Backup ${backupId} disappeared while Cinder was ${f.what === 'import' ? 'importing' : 'creating'} it: someone deleted it.`, 'Refresh the backups and start again if you still need it.');
    }
    const volumeId = backup.volume_id ?? undefined;
    if (backup.status === 'available') {
      const outcome = f.what === 'import' ? `Imported backup ${backupId}; it is available in Cinder.` : createdOutcome(backupId, volumeId, cancel);
      return { state: 'succeeded', outcome, backupId };
    }
    if (backup.status === 'error') throw backupFailedError(backupId, backup.fail_reason);
    const doing = f.what === 'import' ? `Cinder is importing backup ${backupId}` : `Cinder is backing up volume ${volumeId ?? '?'}`;
    const refused = cancel.fate === 'refused' ? ` (${cancel.why})` : '';
    op.progress({ stage: `${doing}: status ${backup.status}, ${elapsedText(startedAt)}${refused}` });
    await wait();
  }
}
