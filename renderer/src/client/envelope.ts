import { callResultSchema, calls, type CallName, type CallOutput } from '../../../shared/contract';
import { ClientError } from './client-error';

/** Unwraps a `{ok, value | error}` envelope: the value, or a thrown ClientError. */
export function unwrapEnvelope(raw: unknown, name: CallName): unknown {
  const parsed = callResultSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ClientError({
      code: 'bad-response',
      message: `The app answered "${name}" with something that is not a result envelope.`,
      hint: 'This is a bug in Backup Console; the log has details.',
    });
  }
  if (!parsed.data.ok) throw new ClientError(parsed.data.error);
  return parsed.data.value;
}

/** Checks a call's value against the contract's output schema (which also fills its defaults). */
export function parseCallOutput<N extends CallName>(name: N, value: unknown): CallOutput<N> {
  const parsed = calls[name].output.safeParse(value);
  if (!parsed.success) {
    console.warn(`[client] "${name}" returned data that does not match the contract`, parsed.error.issues);
    throw new ClientError({
      code: 'bad-response',
      message: `The app answered "${name}" with data the window does not understand.`,
      hint: 'The window and the app may be from different versions. Restart Backup Console.',
    });
  }
  return parsed.data as CallOutput<N>;
}
