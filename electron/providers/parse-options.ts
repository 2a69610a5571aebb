import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** Parses per-kind options or settings that crossed into main as plain JSON; the first problem becomes a validation error naming the field. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.output<T> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new AppError('validation', `${what}${field}: ${issue?.message ?? 'invalid'}.`, 'Correct the field and try again.');
}
