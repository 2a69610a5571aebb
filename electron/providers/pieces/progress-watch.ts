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
  /** The user cancelled (op.signal) before the operation ended. */
  | { kind: 'aborted' };

export interface Observation {
  status: string;
  percentage?: number;
}

export interface WatchOptions {
  api: PiecesApi;
  phase: Phase;
  backupId: string;
  signal: AbortSignal;
  pollIntervalMs: number;
  stream: ProgressStream | null;
  /** The POST that started the operation (still pending on servers whose POST blocks until the end). */
  request: TrackedRequest<unknown>;
  onObservation(observation: Observation): void;
  log: Logger;
}

/** Consecutive failed polls tolerated (Pieces OS busy, a dropped connection) before the job fails. */
const MAX_POLL_FAILURES = 8;
const permanentCodes = new Set(['not-signed-in', 'server-too-old', 'bad-response']);

/**
 * Follows `/backup/{id}/{phase}/status` by polling, sped up by the progress WebSocket when it is
 * open, until the operation ends, disappears, or the user cancels. End statuses and 404s are only
 * believed once this operation was seen running or its POST was accepted, so the leftover status
 * of an earlier attempt on the same backup is not mistaken for this one.
 */
export async function watchOperation(o: WatchOptions): Promise<WatchEnd> {
  let sawRunning = false;
  let streamedEnd: EndStatusValue | undefined;
  let wake = () => undefined as void;
  const trusted = () => sawRunning || o.request.state === 'resolved';
  const onAbort = () => wake();

  const unsubscribe = o.stream?.onFrame((frame) => {
    const entries = o.phase === 'creation' ? frame.backups : frame.restorations;
    const entry = entries?.find((e) => e.backup?.id === o.backupId);
    if (!entry?.status) return;
    if (!isEndStatus(entry.status)) sawRunning = true;
    if (isEndStatus(entry.status) && !trusted()) return;
    o.onObservation({ status: entry.status, percentage: entry.percentage });
    if (isEndStatus(entry.status)) {
      streamedEnd = entry.status;
      wake();
    }
  });
  o.signal.addEventListener('abort', onAbort);
  void o.request.settled.then(() => wake());

  let failures = 0;
  try {
    for (;;) {
      if (o.signal.aborted) return { kind: 'aborted' };
      if (streamedEnd) return { kind: 'ended', status: streamedEnd };
      if (o.request.state === 'rejected' && !sawRunning) throw o.request.error;
      try {
        const status = await o.api.status(o.phase, o.backupId, { signal: o.signal });
        failures = 0;
        const value = status?.value;
        if (status && value && !isEndStatus(value)) sawRunning = true;
        if (status && value && (!isEndStatus(value) || trusted())) o.onObservation({ status: value, percentage: status.percentage });
        if (isEndStatus(value) && trusted()) return { kind: 'ended', status: value };
        if (!status && trusted()) return { kind: 'gone' };
      } catch (error) {
        if (o.signal.aborted) return { kind: 'aborted' };
        failures += 1;
        if ((error instanceof AppError && permanentCodes.has(error.code)) || failures >= MAX_POLL_FAILURES) throw error;
        o.log.debug('Status poll failed; trying again', { phase: o.phase, backupId: o.backupId, failures, error });
      }
      const sleep = interruptibleSleep(o.pollIntervalMs);
      wake = sleep.wake;
      if (o.signal.aborted || streamedEnd) sleep.wake();
      await sleep.done;
      wake = () => undefined;
    }
  } finally {
    unsubscribe?.();
    o.signal.removeEventListener('abort', onAbort);
  }
}
