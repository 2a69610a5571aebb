import { z } from 'zod';
import type { CallName, EventName } from './channels';
import {
  backupSchema,
  capabilitiesSchema,
  connectionTestSchema,
  endpointConfigSchema,
  endpointSchema,
  jobSchema,
  endpointKindSchema,
  endpointNameSchema,
  kindInfoSchema,
  operationOptionsSchema,
  resourceSchema,
  resourceTypes,
  secretValuesSchema,
  vaultStatusSchema,
} from './domain';
import { errorEnvelopeSchema, type ErrorEnvelope } from './errors';

export { callNames, eventNames, type CallName, type EventName } from './channels';

const none = z.object({}).strict();
const endpointRef = z.object({ endpointId: z.string().min(1).max(128) }).strict();
const backupRef = endpointRef.extend({ backupId: z.string().min(1).max(512) }).strict();

export const endpointViewSchema = endpointSchema.extend({ capabilities: capabilitiesSchema });
export type EndpointView = z.infer<typeof endpointViewSchema>;

/** The shape `npm run sims` prints and `endpoints.import` accepts: one JSON object per line (demo secrets allowed). */
export const endpointImportSchema = endpointConfigSchema.extend({ secrets: secretValuesSchema.optional() });

/** A file to write on this computer; main checks the folder exists and refuses to replace a file unless told. */
export const saveDestinationSchema = z.object({ path: z.string().min(1).max(4096), overwrite: z.boolean().default(false) }).strict();

export const saveLocationChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chosen'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
  /** Browser mode has no native dialog: the operator types a path on the machine running the app. */
  z.object({ kind: z.literal('type-it'), defaultPath: z.string() }),
]);
export type SaveLocationChoice = z.infer<typeof saveLocationChoiceSchema>;

/** Server-side list filters, by the names the kind declares in `listFilters`. */
const listFilters = z.record(z.string().min(1).max(64), z.string().max(255));

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Destructive calls carry what the user typed; main compares it to the backup id again. */
const typedConfirmation = z.string().max(512);

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const calls = {
  'app.info': call(none, appInfoSchema),
  'kinds.list': call(none, z.array(kindInfoSchema)),
  'vault.status': call(none, vaultStatusSchema),
  'vault.unlock': call(z.object({ passphrase: z.string().min(1).max(1024) }).strict(), vaultStatusSchema),
  'endpoints.list': call(none, z.array(endpointViewSchema)),
  'endpoints.add': call(
    z.object({ config: endpointConfigSchema, secrets: secretValuesSchema.optional() }).strict(),
    endpointViewSchema,
  ),
  'endpoints.update': call(
    endpointRef.extend({ config: endpointConfigSchema, secrets: secretValuesSchema.optional() }).strict(),
    endpointViewSchema,
  ),
  'endpoints.remove': call(endpointRef, z.object({ removed: z.literal(true) })),
  'endpoints.test': call(
    z.union([endpointRef, z.object({ config: endpointConfigSchema, secrets: secretValuesSchema.optional() }).strict()]),
    connectionTestSchema,
  ),
  'endpoints.import': call(
    z.object({ text: z.string().min(1).max(100_000) }).strict(),
    z.object({ added: z.array(endpointViewSchema), skipped: z.array(z.string()) }),
  ),
  /** Adds an endpoint from a file operators already keep (clouds.yaml). Secrets in the file go straight to the secret store. */
  'endpoints.importConfigFile': call(
    z
      .object({
        text: z.string().min(1).max(200_000),
        kind: endpointKindSchema,
        /** The entry to import (a cloud under `clouds:`); omitted, the answer lists the entries to choose from. */
        entry: z.string().min(1).max(255).optional(),
        name: endpointNameSchema.optional(),
      })
      .strict(),
    z.object({ entries: z.array(z.string()), added: endpointViewSchema.optional(), warnings: z.array(z.string()) }),
  ),
  'backups.list': call(endpointRef.extend({ filters: listFilters.optional() }).strict(), z.array(backupSchema)),
  'backups.get': call(backupRef, backupSchema),
  /** `download`: where to save the new backup right after it is created (kinds whose backups can be downloaded). */
  'backups.create': call(endpointRef.extend({ options: operationOptionsSchema.optional(), download: saveDestinationSchema.optional() }).strict(), jobSchema),
  'backups.backupAsset': call(endpointRef.extend({ assetId: z.string().min(1).max(512) }).strict(), jobSchema),
  /** `confirmation` is required when the restore overwrites something (main decides, from the options). */
  'backups.restore': call(
    backupRef.extend({ confirmation: typedConfirmation.optional(), options: operationOptionsSchema.optional() }).strict(),
    jobSchema,
  ),
  'backups.delete': call(backupRef.extend({ confirmation: typedConfirmation }).strict(), jobSchema),
  'backups.exportRecord': call(backupRef, z.object({ fileName: z.string(), text: z.string() })),
  'backups.importRecord': call(endpointRef.extend({ text: z.string().min(2).max(1_000_000) }).strict(), jobSchema),
  'resources.list': call(endpointRef.extend({ type: z.enum(resourceTypes) }).strict(), z.array(resourceSchema)),
  'files.chooseSaveLocation': call(z.object({ suggestedName: z.string().min(1).max(255) }).strict(), saveLocationChoiceSchema),
  'backups.download': call(backupRef.extend({ destination: saveDestinationSchema }).strict(), jobSchema),
  'jobs.list': call(none, z.array(jobSchema)),
  'jobs.cancel': call(z.object({ jobId: z.string().min(1).max(128) }).strict(), jobSchema),
} satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'job.updated': jobSchema,
  'backups.changed': endpointRef,
  'endpoints.changed': none,
  'vault.changed': vaultStatusSchema,
} satisfies Record<EventName, z.ZodType>;

export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallParsedInput<N extends CallName> = z.output<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.output<(typeof calls)[N]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };
export const callResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorEnvelopeSchema }),
]);

/** What main implements: one async function per call, taking already validated input. */
export type CallHandlers = { [N in CallName]: (input: CallParsedInput<N>) => Promise<CallOutput<N>> };

/** What the renderer talks to, whichever host is underneath. */
export interface BackupConsoleClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The raw shape the preload exposes on `window.backupConsole`. Envelopes, never thrown errors. */
export interface PreloadBridge {
  call(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
