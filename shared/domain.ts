import { z } from 'zod';
import { errorCodes, errorEnvelopeSchema } from './errors';

export const endpointKinds = ['pieces', 'cinder', 'trove', 'juju', 'appliance'] as const;
export const endpointKindSchema = z.enum(endpointKinds);
export type EndpointKind = z.infer<typeof endpointKindSchema>;

const sha256Fingerprint = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** Per-endpoint trust. TLS verification is never switched off; a private CA or a pinned certificate is added instead. */
export const tlsSettingsSchema = z
  .object({
    caPem: z.string().max(64_000).optional(),
    fingerprint256: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .refine((s) => sha256Fingerprint.test(s), 'SHA-256 fingerprint must be 32 hex bytes separated by colons')
      .optional(),
  })
  .strict();

export const endpointNameSchema = z.string().trim().min(1, 'Give the endpoint a name').max(80, 'Keep the name under 80 characters');

const httpUrlSchema = z
  .string()
  .trim()
  .url('Enter a full URL such as http://127.0.0.1:39300')
  .refine((u) => /^https?:\/\//i.test(u), 'The URL must start with http:// or https://')
  .refine((u) => !/^https?:\/\/[^/?#]*@/i.test(u), 'Remove the user name and password from the URL: credentials go in the secret fields, which are stored encrypted');

export const endpointSettingsSchema = z.record(z.string().min(1).max(64), z.union([z.string().max(4096), z.number(), z.boolean()]));
export type EndpointSettings = z.infer<typeof endpointSettingsSchema>;

/** Fields a user edits. Secrets are never part of this object: they go in `secrets` and stay in main. */
export const endpointConfigSchema = z
  .object({
    kind: endpointKindSchema,
    name: endpointNameSchema,
    /** Empty means: discover (Pieces scans 127.0.0.1:39300-39333). */
    url: z.union([httpUrlSchema, z.literal('')]).default(''),
    timeoutMs: z.number().int().min(1_000).max(600_000).default(30_000),
    tls: tlsSettingsSchema.default({}),
    /** Non-secret, kind-specific settings (Keystone user, project, region...). Each provider validates its own with zod. */
    settings: endpointSettingsSchema.default({}),
  })
  .strict();
export type EndpointConfig = z.infer<typeof endpointConfigSchema>;
export type EndpointConfigInput = z.input<typeof endpointConfigSchema>;

/** Write-only secret values keyed by the provider's secret field names. */
export const secretValuesSchema = z.record(z.string().min(1).max(64), z.string().max(16_384));

export const endpointSchema = endpointConfigSchema.extend({
  id: z.string().min(1),
  createdAt: z.string(),
  /** Names of secret fields that have a stored value. Values never leave main. */
  secretsSet: z.array(z.string()).default([]),
});
export type Endpoint = z.infer<typeof endpointSchema>;

export const capabilitySchema = z.object({ enabled: z.boolean(), reason: z.string().optional() });
export type Capability = z.infer<typeof capabilitySchema>;

export const capabilityNames = [
  'create',
  'cancelCreate',
  'restore',
  'cancelRestore',
  'delete',
  'backupAsset',
  'exportRecord',
  'importRecord',
  'download',
  'upload',
  'factoryReset',
] as const;
export type CapabilityName = (typeof capabilityNames)[number];
export const capabilitiesSchema = z.object(
  Object.fromEntries(capabilityNames.map((n) => [n, capabilitySchema])) as Record<CapabilityName, typeof capabilitySchema>,
);
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** Shows a field only while another field has one of these values (e.g. the Keystone auth method). */
const showWhenSchema = z.object({ field: z.string(), equals: z.array(z.string()) }).optional();

export const settingFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['text', 'select']),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  placeholder: z.string().optional(),
  help: z.string().optional(),
  defaultValue: z.string().optional(),
  showWhen: showWhenSchema,
});
export type SettingField = z.infer<typeof settingFieldSchema>;

/** A server-side list filter the kind supports; `options` makes it a choice, otherwise free text. */
export const listFilterSchema = z.object({
  name: z.string(),
  label: z.string(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

/** What a kind declares about itself, so the UI never branches on kind. */
export const kindInfoSchema = z.object({
  kind: endpointKindSchema,
  label: z.string(),
  description: z.string(),
  urlPlaceholder: z.string(),
  urlOptional: z.boolean(),
  secretFields: z.array(z.object({ name: z.string(), label: z.string(), showWhen: showWhenSchema })),
  settingFields: z.array(settingFieldSchema).default([]),
  listFilters: z.array(listFilterSchema).default([]),
  /** Kind-specific create and restore forms exist in the renderer (options are then sent with the call). */
  hasCreateOptions: z.boolean().default(false),
  /** Said before a download starts, when downloading has a consequence (Juju deletes its copy after one download). */
  downloadNote: z.string().optional(),
  /** What the endpoint does with incremental backups that depend on one being deleted. */
  dependentsOnDelete: z.enum(['refused', 'deleted-with-it']).optional(),
  /** Names the file `endpoints.importConfigFile` reads for this kind ("clouds.yaml"), when it has one. */
  configFileLabel: z.string().optional(),
  /** What one entry of that file is ("cloud", "controller"). */
  configEntryNoun: z.string().default('entry'),
  hasRestoreOptions: z.boolean().default(false),
  /** How many backups the endpoint keeps at most (network appliances: two); creating or uploading beyond it is refused. */
  backupLimit: z.number().int().positive().optional(),
  /** Said in the upload dialog: what the endpoint accepts and what it does with the file. */
  uploadNote: z.string().optional(),
  /** Listed, one line each, in the factory-reset dialog of kinds that can reset the device. */
  factoryResetConsequences: z.array(z.string()).optional(),
  restoreWarning: z.string(),
  cancelRestoreNote: z.string(),
  cancelCreateNote: z.string(),
});
export type KindInfo = z.infer<typeof kindInfoSchema>;

export const backupStates = ['available', 'creating', 'restoring', 'deleting', 'error', 'unknown'] as const;
export const backupSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  state: z.enum(backupStates),
  /** The status exactly as the server spelled it, shown next to the badge. */
  statusText: z.string(),
  /** A human name when the endpoint has one (Cinder and Trove do). */
  name: z.string().optional(),
  sizeBytes: z.number().nonnegative().optional(),
  /** The size exactly as the endpoint reported it when that was not bytes ("10 GiB"), so the UI can say so. */
  sizeReported: z.string().optional(),
  /** What was backed up (a volume, a database instance), when the endpoint says. */
  source: z.string().optional(),
  parentId: z.string().optional(),
  /** Backups that depend on this one (incremental children), when the endpoint tells. */
  dependentIds: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  version: z.string().optional(),
  device: z.string().optional(),
  platform: z.string().optional(),
  /** Extra wire fields for the details pane, already free of secrets. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type Backup = z.infer<typeof backupSchema>;

export const jobKinds = ['create', 'restore', 'delete', 'backup-asset', 'import-record', 'download', 'upload', 'factory-reset'] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobStates = ['queued', 'running', 'cancelling', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type JobState = (typeof jobStates)[number];
export const terminalJobStates: readonly JobState[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

export const jobProgressSchema = z.object({
  /** 0..1 when the endpoint reports it; absent means stage-based (indeterminate). */
  fraction: z.number().min(0).max(1).optional(),
  bytesDone: z.number().nonnegative().optional(),
  bytesTotal: z.number().nonnegative().optional(),
  etaSeconds: z.number().nonnegative().optional(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const savedFileSchema = z.object({ path: z.string(), bytes: z.number().nonnegative(), sha256: z.string() });
export type SavedFile = z.infer<typeof savedFileSchema>;

export const jobSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  endpointName: z.string(),
  backupId: z.string().optional(),
  kind: z.enum(jobKinds),
  state: z.enum(jobStates),
  stage: z.string(),
  progress: jobProgressSchema,
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  error: errorEnvelopeSchema.optional(),
  cancellable: z.boolean(),
  /** What cancelling will do or did on the endpoint, in the user's words. */
  cancelNote: z.string().optional(),
  /** The last word on how the job ended (for example "Cancelled: the partial backup was discarded"). */
  outcome: z.string().optional(),
  stalled: z.boolean().default(false),
  /** The named steps the operation went through so far (a restore's stages), oldest first. */
  milestones: z.array(z.string()).default([]),
  /** The file a download wrote, with the SHA-256 Backup Console computed over exactly the bytes it saved. */
  savedFile: savedFileSchema.optional(),
  /** The id the window chose when it started this job, to recognise it before the call that started it answers. */
  clientRef: z.string().optional(),
});
export type Job = z.infer<typeof jobSchema>;

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  url: z.string().optional(),
  serverVersion: z.string().optional(),
  message: z.string(),
  hint: z.string().optional(),
  /** Why it failed, so the form can offer the fix (review the certificate on a `tls` or `certificate-changed`). */
  code: z.enum(errorCodes).optional(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const vaultStatusSchema = z.object({
  kind: z.enum(['os-keychain', 'passphrase']),
  state: z.enum(['uninitialised', 'locked', 'unlocked']),
  /** Set when the storage is weaker than the user would assume (Linux basic_text). */
  warning: z.string().optional(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

/** Something on the endpoint a form can pick: a volume to back up, a database instance, a flavor. */
export const resourceSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  sizeBytes: z.number().nonnegative().optional(),
  sizeReported: z.string().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type Resource = z.infer<typeof resourceSchema>;
export const resourceTypes = ['volumes', 'instances', 'flavors', 'datastores'] as const;
export type ResourceType = (typeof resourceTypes)[number];

/** Per-kind create/restore options cross as plain JSON; the provider parses them with its own zod schema. */
export const operationOptionsSchema = z
  .record(z.string().min(1).max(64), z.union([z.string().max(4096), z.number(), z.boolean(), z.null(), z.record(z.string().max(255), z.string().max(255))]))
  .refine((o) => Object.keys(o).length <= 32, 'Too many options');
export type OperationOptions = z.infer<typeof operationOptionsSchema>;
