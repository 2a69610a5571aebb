import { AppError } from '../../../shared/errors';
import type { Logger } from '../../core/log/logger';
import type { PiecesApi, Phase } from './api';
import type { ProgressStream } from './progress-stream';
import { interruptibleSleep } from './timing';
import type { TrackedRequest } from './tracked-request';
import { isEndStatus, type EndStatusValue } from './wire-schemas';

export type WatchEnd =
  | { kind: 'ended'; status: EndStatusValue }
  /** The status path says 404: Pieces OS no longer tracks the operation. */
  | { kind: 'gone' }
  /** `signal` stopped the watch (the user cancelled, or it is time to ask again) before the end. */
  | { kind: 'aborted' };

export interface Observation {
  status: string;
  percentage?: number;
}

/**
 * What has been seen of the operation so far; shared by every watch of one operation (before and
 * after a cancel), because it decides which statuses and 404s can be believed.
 */
export interface WatchEvidence {
  /** Seen INITIALIZED/IN-PROGRESS: the operation under this id is ours, so its end is too. */
  sawRunning: boolean;
  /**
   * Seen IN-PROGRESS while its POST had not answered. Only a server whose POST blocks until the
   * end does that, so a 200 from that POST is the server's own word that the operation completed.
   */
  postHeldWhileRunning: boolean;
  /** Pieces OS accepted our cancel (204): whatever it reports from then on is this operation's end. */
  cancelAccepted: boolean;
}

export const freshEvidence = (): WatchEvidence => ({ sawRunning: false, postHeldWhileRunning: false, cancelAccepted: false });

export interface WatchOptions {
  api: PiecesApi;
  phase: Phase;
  backupId: string;
  /**
   * Ends the watch ('aborted') once the operation is known to be ours; until then it is ignored, so
   * a cancel is never sent for an operation Pieces OS has not started yet.
   */
  signal: AbortSignal;
  pollIntervalMs: number;
  stream: ProgressStream | null;
  /** The POST that started the operation (still pending on servers whose POST blocks until the end). */
  request: TrackedRequest<unknown>;
  evidence: WatchEvidence;
  onObservation(observation: Observation): void;
  log: Logger;
}

/** After the retries: say plainly that the outcome is unknown, keeping the cause's code. */
function lostContact(error: unknown, phase: Phase, backupId: string): AppError {
  const cause = error instanceof AppError ? error : new AppError('unreachable', String(error));
  const what = phase === 'creation' ? `the backup ${backupId}` : `the restore of ${backupId}`;
  const check =
    phase === 'creation'
      ? 'When Pieces OS answers again, refresh the backup list: the backup is there only if it finished.'
      : 'When Pieces OS answers again, check your snippets in Pieces before relying on the local database.';
  return new AppError(cause.code, `Lost contact with Pieces OS while following ${what} (${cause.message.replace(/\.$/, '')}); whether it finished is not known.`, check);
}

/** Consecutive failed polls tolerated (Pieces OS busy, a dropped connection) before the job fails. */
const MAX_POLL_FAILURES = 8;
const permanentCodes = new Set(['not-signed-in', 'server-too-old', 'bad-response']);

/**
 * Follows `/backup/{id}/{phase}/status` by polling, sped up by the progress WebSocket when it is
 * open, until the operation ends, disappears, or `signal` stops the watch. End statuses and 404s
 * are only believed once this operation was seen running or its POST was accepted, so the leftover
 * status of an earlier attempt on the same backup is not mistaken for this one.
 */
export async function watchOperation(o: WatchOptions): Promise<WatchEnd> {
  const seen = o.evidence;
  let streamedEnd: EndStatusValue | undefined;
  let wake = () => undefined as void;
  const trusted = () => seen.sawRunning || seen.cancelAccepted || o.request.state === 'resolved';
  const stopNow = () => o.signal.aborted && trusted();
  const noteRunning = (value: string) => {
    seen.sawRunning = true;
    if (value === 'IN-PROGRESS' && o.request.state === 'pending') seen.postHeldWhileRunning = true;
  };
  const onAbort = () => wake();

  const unsubscribe = o.stream?.onFrame((frame) => {
    const entries = o.phase === 'creation' ? frame.backups : frame.restorations;
    const entry = entries?.find((e) => e.backup?.id === o.backupId);
    if (!entry?.status) return;
    const ended = isEndStatus(entry.status);
    if (!ended) noteRunning(entry.status);
    if (ended && !trusted()) return;
    o.onObservation({ status: entry.status, percentage: entry.percentage });
    if (isEndStatus(entry.status)) streamedEnd = entry.status;
    if (streamedEnd || stopNow()) wake();
  });
  o.signal.addEventListener('abort', onAbort);
  void o.request.settled.then(() => wake());

  let failures = 0;
  try {
    for (;;) {
      if (stopNow()) return { kind: 'aborted' };
      if (streamedEnd) return { kind: 'ended', status: streamedEnd };
      if (o.request.state === 'rejected' && !trusted()) throw o.request.error;
      try {
        const status = await o.api.status(o.phase, o.backupId, trusted() ? { signal: o.signal } : {});
        failures = 0;
        const value = status?.value;
        if (status && value && !isEndStatus(value)) noteRunning(value);
        if (status && value && (!isEndStatus(value) || trusted())) o.onObservation({ status: value, percentage: status.percentage });
        if (isEndStatus(value) && trusted()) return { kind: 'ended', status: value };
        if (!status && trusted()) return { kind: 'gone' };
      } catch (error) {
        if (stopNow()) return { kind: 'aborted' };
        failures += 1;
        if (error instanceof AppError && permanentCodes.has(error.code)) throw error;
        if (failures >= MAX_POLL_FAILURES) throw lostContact(error, o.phase, o.backupId);
        o.log.debug('Status poll failed; trying again', { phase: o.phase, backupId: o.backupId, failures, error });
      }
      const sleep = interruptibleSleep(o.pollIntervalMs);
      wake = sleep.wake;
      if (stopNow() || streamedEnd) sleep.wake();
      await sleep.done;
      wake = () => undefined;
    }
  } finally {
    unsubscribe?.();
    o.signal.removeEventListener('abort', onAbort);
  }
}
