import { z } from 'zod';

const text = (max = 255) =>
  z
    .string()
    .max(max, `Keep it under ${max} characters`)
    .optional()
    .nullable()
    .transform((v) => v?.trim() || undefined);

/** Options of "Back up a volume"; what the form sends. */
export const createOptionsSchema = z.object({
  volume_id: z.string({ error: 'Choose the volume to back up' }).trim().min(1, 'Choose the volume to back up'),
  name: text(),
  description: text(),
  container: text(),
  incremental: z.boolean().optional().default(false),
  force: z.boolean().optional().default(false),
  snapshot_id: text(),
  metadata: z.record(z.string().max(255), z.string().max(255)).optional(),
  availability_zone: text(),
});
export type CreateOptions = z.output<typeof createOptionsSchema>;

/** Options of "Restore": to a new volume, or over an existing one (which overwrites it). */
export const restoreOptionsSchema = z
  .object({
    target: z.enum(['new', 'existing']).default('new'),
    volume_id: text(),
    name: text(),
  })
  .superRefine((o, issue) => {
    if (o.target === 'existing' && !o.volume_id) issue.addIssue({ code: 'custom', path: ['volume_id'], message: 'Choose the volume to restore over' });
  });
export type RestoreOptions = z.output<typeof restoreOptionsSchema>;
