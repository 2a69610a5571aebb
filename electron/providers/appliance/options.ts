import { z } from 'zod';
import { parseOptions } from '../parse-options';
import type { RawOptions } from '../provider';

/** The published backup schema allows only a description (maxLength 250); everything else is read-only. */
export const createOptionsSchema = z.strictObject(
  {
    description: z
      .union([z.string(), z.null()])
      .optional()
      .transform((v) => (v == null ? undefined : v.trim() || undefined))
      .pipe(z.string().max(250, 'Keep the description to 250 characters (the appliance allows no more)').optional()),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown option ${issue.keys.join(', ')}; an appliance backup takes only a description` : undefined) },
);

export type CreateOptions = z.output<typeof createOptionsSchema>;

export function parseCreateOptions(raw: RawOptions | undefined): CreateOptions {
  return parseOptions(createOptionsSchema, raw, 'Backup options');
}
