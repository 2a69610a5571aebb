import { AppError } from '../../../shared/errors';
import type { OperationOutcome } from '../provider';
import { watch, type FollowOptions, type ProgressReporter } from './follow-context';
import { outcomeForEnd, quoted, type CancelContext } from './outcomes';
import type { Observation, WatchEvidence } from './progress-watch';
import { settleGone } from './settle-gone';
import { isEndStatus } from './wire-schemas';

/** Cancel requests in all while Pieces OS will not stop an operation that is still running. */
const MAX_CANCEL_ATTEMPTS = 3;
const never = new AbortController().signal;

/**
 * POST /backup/{id}/{phase}/cancel. Returns undefined when Pieces OS accepted it (204), else a
 * clause saying why not. Deliberately not tied to the job's signal: that signal is what asked for
 * the cancel, so it is already aborted.
 */
async function sendCancel(o: FollowOptions): Promise<string | undefined> {
  o.log.info('Cancelling', { phase: o.phase, backupId: o.backupId });
  try {
    const answer = await o.api.cancel(o.phase, o.backupId, o.phase === 'restoration' ? o.backup : undefined);
    if (answer.cancelled) return undefined;
    o.log.info('Cancel refused', { phase: o.phase, backupId: o.backupId, serverText: answer.serverText });
    return `Pieces OS refused the cancel (${quoted(answer.serverText)})`;
  } catch (error) {
    o.log.warn('Cancel request failed', { phase: o.phase, backupId: o.backupId, error });
    if (error instanceof AppError && (error.code === 'unreachable' || error.code === 'timeout')) {
      return `The cancel did not reach Pieces OS (${error.code === 'timeout' ? 'no answer in time' : 'the connection failed'})`;
    }
    return `Pieces OS refused the cancel (${quoted(error instanceof Error ? error.message : String(error))})`;
  }
}

/**
 * Asks Pieces OS to stop, then follows the operation to its real end, which alone decides the
 * job's state. A refused cancel (500 while still running, or a request that failed) is reported
 * as a stage and asked again a few times; the job stays active meanwhile, because the operation is.
 * A 500 is also what Pieces OS answers when nothing is running: then the operation had just ended.
 */
export async function cancelAndFollow(o: FollowOptions, evidence: WatchEvidence, reporter: ProgressReporter): Promise<OperationOutcome | null> {
  const noun = o.phase === 'creation' ? 'backup' : 'restore';
  reporter.holdStage(o.phase === 'creation' ? 'Asking Pieces OS to stop the backup' : 'Asking Pieces OS to stop the restore and put the original database back');
  let refusedWhileRunning: string | undefined;
  for (let attempt = 1; ; attempt++) {
    const refusal = await sendCancel(o);
    if (!refusal) return followAcceptedCancel(o, evidence, reporter);
    const onObservation = (observation: Observation) => {
      if (!isEndStatus(observation.status) && refusedWhileRunning !== refusal) {
        refusedWhileRunning = refusal;
        reporter.holdStage(`${refusal}; still following the ${noun}`);
      }
      reporter.observe(observation);
    };
    const askAgain = attempt < MAX_CANCEL_ATTEMPTS ? AbortSignal.timeout(o.cancelRetryMs) : never;
    const end = await watch(o, evidence, askAgain, onObservation);
    if (end.kind === 'aborted') continue;
    const cancel: CancelContext = refusedWhileRunning ? { fate: 'refused', why: refusedWhileRunning } : { fate: 'sent', idLearntLate: o.idLearntAfterCancel };
    if (end.kind === 'ended') return outcomeForEnd(o.phase, end.status, o.backupId, cancel);
    return settleGone(o, evidence, cancel);
  }
}

/** Pieces OS said 204. Its status then shows the end (normally CANCELED); gone means it stopped and forgot it. */
async function followAcceptedCancel(o: FollowOptions, evidence: WatchEvidence, reporter: ProgressReporter): Promise<OperationOutcome> {
  evidence.cancelAccepted = true;
  reporter.holdStage(`Pieces OS accepted the cancel; waiting for it to stop the ${o.phase === 'creation' ? 'backup' : 'restore'}`);
  const end = await watch(o, evidence, never, reporter.observe);
  return outcomeForEnd(o.phase, end.kind === 'ended' ? end.status : 'CANCELED', o.backupId, { fate: 'sent', idLearntLate: o.idLearntAfterCancel });
}
