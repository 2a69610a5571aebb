import { isClientError } from '../client/client-error';

const transientCodes = new Set(['unreachable', 'timeout', 'server-error']);

/** Retry once, only for failures a second attempt can fix; the operator gets a Retry button for the rest. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isClientError(error) && transientCodes.has(error.code);
}
