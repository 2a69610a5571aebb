import type { OperationOutcome } from '../provider';
import type { FollowOptions } from './follow-context';
import { completedOutcome, finishedWhileClosedOutcome, type CancelContext } from './outcomes';
import type { WatchEvidence } from './progress-watch';

/**
 * The status path answers 404: Pieces OS no longer tracks the operation, and its end was not seen.
 * Only real evidence counts as success: for a creation, the backup in the cloud; for a restoration,
 * the 200 of a POST that blocked until the end. Anything else is null (cannot tell).
 */
export async function settleGone(o: FollowOptions, evidence: WatchEvidence, cancel: CancelContext): Promise<OperationOutcome | null> {
  if (o.request.state === 'pending') await o.request.settled;
  if (o.request.state === 'rejected') throw o.request.error;
  if (o.phase === 'restoration') {
    // A POST that answered at once only said the restore started; a 404 can also follow a FAILED
    // that was missed, or a restart of Pieces OS.
    const confirmed = evidence.postHeldWhileRunning && o.request.state === 'resolved';
    o.log.info('Restoration status gone', { backupId: o.backupId, confirmed });
    return confirmed ? { state: 'succeeded', outcome: completedOutcome('restoration', o.backupId, cancel), backupId: o.backupId } : null;
  }
  const backup = await o.api.findBackup(o.backupId);
  if (!backup) return null;
  const outcome = o.resumed && cancel.fate === 'none' ? finishedWhileClosedOutcome(o.backupId) : completedOutcome('creation', o.backupId, cancel);
  return { state: 'succeeded', outcome, backupId: o.backupId };
}
