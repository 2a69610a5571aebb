import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

/** Validates a controller answer; a mismatch names the call and the first bad field. */
export function parseWire<T extends z.ZodType>(schema: T, value: unknown, call: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  throw new AppError('bad-response', `The controller answered ${call} with data Backup Console does not understand${where}: ${issue?.message ?? 'invalid'}.`, 'The controller may run a Juju version this app does not support yet. The log has the details.');
}
