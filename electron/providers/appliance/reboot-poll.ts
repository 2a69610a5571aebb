import { AppError } from '../../../shared/errors';
import type { OperationContext } from '../provider';

/** The named steps of a restore or factory reset: each shown once, in the order they happen. */
export function milestones(op: OperationContext): (stage: string) => void {
  const shown = new Set<string>();
  return (stage) => {
    if (shown.has(stage)) return;
    shown.add(stage);
    op.progress({ stage, milestone: true });
  };
}

export type PollFailure =
  /** Refused connections, timeouts, 5xx, a 404 while services start: the box is down or booting. */
  | { kind: 'down'; message: string }
  /** The box presents another certificate: nothing more can be read until the operator accepts it. */
  | { kind: 'certificate'; error: AppError }
  /** It answers, but refuses (a sign-in refused, 403, 400): counted, as a booting box may refuse briefly. */
  | { kind: 'refused'; error: AppError };

/** How one failed poll of a rebooting appliance is taken. */
export function classifyPollFailure(error: unknown): PollFailure {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'tls' || error.code === 'certificate-changed') return { kind: 'certificate', error };
  if (error.code === 'unreachable' || error.code === 'timeout' || error.code === 'server-error' || error.code === 'not-found' || error.code === 'bad-response') {
    return { kind: 'down', message: error.message.replace(/[.\s]+$/, '') };
  }
  return { kind: 'refused', error };
}

/** The new certificate's fingerprint, when the HTTP client's 'certificate-changed' message names it. */
export function newFingerprintOf(error: AppError): string | undefined {
  return /SHA-256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(error.message)?.[1];
}
