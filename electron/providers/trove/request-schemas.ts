import { z } from 'zod';

// The bodies this provider sends, as trove/common/apischema.py accepts them. Outgoing bodies are
// typed by these schemas, and the saved request samples are checked against them in the tests.

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
/** apischema `non_empty_string`: 1-255 characters with at least one letter or digit. */
const nonEmptyString = z.string().min(1).max(255).regex(/[0-9a-zA-Z]/);

/** POST backups. `incremental` is apischema's `boolean_string`: the integer 0 or 1, never a JSON boolean. */
export const backupCreateRequestSchema = z.object({
  backup: z.looseObject({
    name: nonEmptyString,
    instance: uuid,
    description: nonEmptyString.optional(),
    parent_id: uuid.optional(),
    incremental: z.union([z.literal(0), z.literal(1)]).optional(),
    swift_container: nonEmptyString.optional(),
  }),
});
export type BackupCreateRequest = z.infer<typeof backupCreateRequestSchema>;

/** POST instances: a restore is an instance create with `restorePoint`. */
export const instanceCreateRequestSchema = z.object({
  instance: z.looseObject({
    name: nonEmptyString,
    flavorRef: z.union([nonEmptyString, z.number().int()]),
    volume: z.looseObject({ size: z.number().int().min(1) }).optional(),
    datastore: z.looseObject({ type: nonEmptyString.optional(), version: nonEmptyString.optional() }).optional(),
    nics: z.array(z.looseObject({ 'net-id': z.string().optional() })).max(1).optional(),
    restorePoint: z.object({ backupRef: uuid }).optional(),
  }),
});
export type InstanceCreateRequest = z.infer<typeof instanceCreateRequestSchema>;
