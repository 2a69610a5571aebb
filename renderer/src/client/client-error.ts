import { errorCodes, errorEnvelopeSchema, type ErrorCode, type ErrorEnvelope } from '../../../shared/errors';

/** A failed call as the UI sees it: a code to branch on, a message and an optional hint for the operator. */
export class ClientError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;

  constructor(envelope: ErrorEnvelope) {
    super(envelope.message);
    this.name = 'ClientError';
    this.code = envelope.code;
    this.hint = envelope.hint;
  }
}

export function isClientError(error: unknown): error is ClientError {
  return error instanceof ClientError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Turns anything thrown into a ClientError so components only ever render message + hint. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof ClientError) return error;
  // Jobs carry their failure as a plain envelope.
  const envelope = errorEnvelopeSchema.safeParse(error);
  if (envelope.success) return new ClientError(envelope.data);
  return new ClientError({
    code: 'internal',
    message: error instanceof Error && error.message ? error.message : 'Something went wrong in the window.',
    hint: 'Reload the window. If it keeps happening, the log has details.',
  });
}
