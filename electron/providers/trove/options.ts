import { z } from 'zod';

// What the create and restore forms send (RawOptions), checked before anything reaches Trove so
// the user reads our sentence, not a JSON-schema error. Empty form fields arrive as '' or null.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HAS_ALNUM = /[0-9a-zA-Z]/;

/** '' and null mean "not given"; other text is trimmed. */
function blankToUndefined(v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v !== 'string') return v;
  return v.trim() || undefined;
}

/** A string whose absence says `missing`. */
const text = (missing: string, what: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : `${what} must be text`) });

/** Trove's `non_empty_string`: 1-255 characters, at least one letter or digit. */
const troveText = (missing: string, what: string) =>
  text(missing, what).max(255, `${what} must be at most 255 characters`).regex(HAS_ALNUM, `${what} must contain at least one letter or digit`);

const uuid = (missing: string, what: string) => text(missing, what).regex(UUID, `${what} must be an ID like 44b277eb-39be-4921-be31-3d61b43651d7`);

const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const createBackupOptionsSchema = z
  .object({
    /** The database instance to back up. */
    instance: given(uuid('Pick the database instance to back up', 'The instance')),
    name: given(troveText('Give the backup a name', 'The backup name')),
    description: optional(troveText('', 'The description')),
    /** A checkbox in the form; Trove wants the integer 0/1. */
    incremental: optional(z.boolean('Incremental must be true or false')).transform((v) => v ?? false),
    /** Base an incremental backup on this backup instead of the instance's latest completed one. */
    parent_id: optional(uuid('', 'The parent backup')),
    /** Where Trove stores the backup; empty = the instance's backup strategy or the cloud's default. */
    swift_container: optional(troveText('', 'The Swift container')),
  })
  .strict();
export type CreateBackupOptions = z.output<typeof createBackupOptionsSchema>;

const wholeGb = 'The volume size must be a whole number of GB';

export const restoreBackupOptionsSchema = z
  .object({
    /** The name of the NEW instance. */
    name: given(troveText('Give the new instance a name', 'The instance name')),
    /** A flavor id (a Resource id from listResources('flavors')). */
    flavorRef: z.preprocess((v) => (typeof v === 'number' ? String(v) : blankToUndefined(v)), text('Pick a flavor for the new instance', 'The flavor')),
    /** Whole GB; default: the source instance's volume size, or the backup's size with a margin (sizes.ts). */
    volume_size: optional(
      z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number(wholeGb).int(wholeGb).min(1, 'The volume size must be at least 1 GB')),
    ),
    /** Datastore name (mysql…) and version name; default: the backup's. */
    datastore: optional(troveText('', 'The datastore')),
    datastore_version: optional(troveText('', 'The datastore version')),
    /** The Neutron network for the new instance; default: the cloud's. */
    network_id: optional(uuid('', 'The network')),
  })
  .strict();
export type RestoreBackupOptions = z.output<typeof restoreBackupOptionsSchema>;
