import { AppError } from '../../../shared/errors';

/*
 * How a failed request surfaces (core/http/network-errors.ts): an AppError carries no cause, so its
 * code and its wording are all there is. A refused connect (ECONNREFUSED) is 'unreachable' worded
 * "Nothing is listening at …"; a connection that closed without an answer is 'unreachable' worded
 * "The connection to … failed (ECONNRESET)" (or undici's UND_ERR_SOCKET, "other side closed", or EPIPE).
 */

/** ECONNREFUSED: nothing listens at the address (an appliance that is down, rebooting). */
export function isRefusedConnect(error: unknown): boolean {
  return error instanceof AppError && error.code === 'unreachable' && /^Nothing is listening at /.test(error.message);
}

/** The connection closed without an answer: reset by the peer, or closed by it ("other side closed"). Never a refused connect. */
export function isClosedWithoutAnswer(error: unknown): boolean {
  return error instanceof AppError && error.code === 'unreachable' && /\((ECONNRESET|UND_ERR_SOCKET|EPIPE|other side closed|socket hang up)\)\.?$/.test(error.message);
}

/**
 * The request went out and no answer came back: no answer in time, or the connection closed after it
 * was sent. The appliance may have acted on it (a restore that drops the socket as it reboots).
 */
export function mayHaveActed(error: unknown): boolean {
  return (error instanceof AppError && error.code === 'timeout') || isClosedWithoutAnswer(error);
}

/**
 * The core aborts an operation's signal for one reason only: the operator's cancel, with
 * AppError('cancelled') as the reason (core/jobs/job-runner.ts; closing the app leaves operations
 * running). Any other abort is not known to be a cancel.
 */
export function cancelledByOperator(signal: AbortSignal): boolean {
  const reason: unknown = signal.reason;
  return signal.aborted && reason instanceof AppError && reason.code === 'cancelled';
}
