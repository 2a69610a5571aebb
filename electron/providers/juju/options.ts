import { z } from 'zod';

/** Options of "Create a backup" on a Juju controller; what the form sends. */
export const createOptionsSchema = z.strictObject({
  notes: z
    .string()
    .max(1024, 'Keep the notes under 1024 characters')
    .optional()
    .nullable()
    .transform((v) => v?.trim() ?? ''),
  /** Juju 2.x (Backups facade 2): also keep the backup in the controller database. Ignored by 3.x, which never keeps one. */
  keep_copy: z.boolean().optional().nullable().transform((v) => v ?? true),
});
export type CreateOptions = z.output<typeof createOptionsSchema>;
