import { z } from 'zod';

/**
 * Every failure that crosses the renderer/main boundary travels as this envelope,
 * because Electron drops error classes over IPC.
 */
export const errorCodes = [
  'validation',
  'not-found',
  'conflict',
  'unauthorized',
  'forbidden',
  'not-signed-in',
  'server-too-old',
  'unreachable',
  'timeout',
  'tls',
  /** The endpoint presents another certificate than the one the operator accepted (pinned). */
  'certificate-changed',
  'server-error',
  'bad-response',
  'unsupported',
  'confirmation-mismatch',
  'vault-locked',
  'vault-wrong-passphrase',
  'corrupt-config',
  'local-file',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorEnvelopeSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  hint: z.string().optional(),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** A typed failure raised anywhere in main; hosts turn it into an ErrorEnvelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
  }
  toEnvelope(): ErrorEnvelope {
    return this.hint ? { code: this.code, message: this.message, hint: this.hint } : { code: this.code, message: this.message };
  }
}

export function toErrorEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof AppError) return error.toEnvelope();
  const parsed = errorEnvelopeSchema.safeParse(error);
  if (parsed.success) return parsed.data;
  return {
    code: 'internal',
    message: error instanceof Error ? error.message : 'Unexpected error',
    hint: 'This is a bug in Backup Console. The log has details.',
  };
}
