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

/**
 * A backup to delete before the new one, when the endpoint keeps only a few (an appliance keeps two).
 * The operator typed its id; main checks it again and deletes it inside the same job, before anything else.
 */
export const deleteFirstSchema = z.object({ backupId: z.string().min(1).max(512), confirmation: typedConfirmation }).strict();

/** The certificate an https endpoint presents, so the operator can compare its fingerprint with the device's console before trusting it. */
export const certificateInfoSchema = z.object({
  /** host:port the certificate came from. */
  address: z.string(),
  fingerprint256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  subjectAltName: z.string().optional(),
  validFrom: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
  /** Goes into the endpoint's TLS trust (with the fingerprint pinned) when the operator accepts it. */
  pem: z.string(),
  /** Why normal verification refuses it; absent when the system already trusts it. */
  verificationError: z.string().optional(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/** A file the operator dropped or picked. `path` exists on the desktop; browser mode only knows name and size. */
export const uploadFileSchema = z
  .object({ name: z.string().min(1).max(255), sizeBytes: z.number().int().nonnegative(), path: z.string().min(1).max(4096).optional() })
  .strict();

export const uploadCheckSchema = z.object({
  /** Reasons the file cannot be sent (empty, not a gzip archive): the upload is refused. */
  problems: z.array(z.string()),
  /** Things the operator must accept before sending (not a file this app downloaded). */
  warnings: z.array(z.string()),
  /** The download this file appears to be, from the app's own record of saved backups. */
  knownDownload: z
    .object({ endpointName: z.string(), backupId: z.string().optional(), savedAt: z.string(), sha256: z.string(), matchedBy: z.enum(['path', 'name-and-size']) })
    .optional(),
});
export type UploadCheck = z.infer<typeof uploadCheckSchema>;

/** What every upload carries besides the bytes; browser mode sends this as the query of its streaming upload route. */
export const uploadRequestSchema = endpointRef
  .extend({ warningsAccepted: z.boolean().default(false), deleteFirst: deleteFirstSchema.optional() })
  .strict();
export const streamUploadRequestSchema = uploadRequestSchema
  .extend({ name: z.string().min(1).max(255), sizeBytes: z.number().int().positive(), clientRef: z.uuid().optional() })
  .strict();
export type StreamUploadRequest = z.infer<typeof streamUploadRequestSchema>;

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
  'backups.create': call(
    endpointRef.extend({ options: operationOptionsSchema.optional(), download: saveDestinationSchema.optional(), deleteFirst: deleteFirstSchema.optional() }).strict(),
    jobSchema,
  ),
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
  /** Checks a file before it is sent: main reads its size and first bytes when it has the path, and its own record of downloads. */
  'backups.inspectUpload': call(endpointRef.extend({ file: uploadFileSchema }).strict(), uploadCheckSchema),
  /** Desktop uploads name the file by path (from the drop or the picker); browser mode streams it to the web host instead. */
  'backups.upload': call(uploadRequestSchema.extend({ path: z.string().min(1).max(4096) }).strict(), jobSchema),
  /** Reads the certificate an https URL presents, without trusting it and without sending anything. */
  'endpoints.inspectCertificate': call(
    z.object({ url: z.string().url().refine((u) => /^https:\/\//i.test(u), 'Only https URLs have a certificate') }).strict(),
    certificateInfoSchema,
  ),
  /** The most destructive call: `confirmation` must be the endpoint's name, typed. */
  'endpoints.factoryReset': call(endpointRef.extend({ confirmation: typedConfirmation }).strict(), jobSchema),
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
  /** The path of a dropped or picked File (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: unknown): string;
}
