import { z } from 'zod';

/** juju/version.Number marshals as a string ("3.6.14"), but the schema shows its struct form: accept both. */
const versionNumber = z.union([
  z.string(),
  z
    .object({ Major: z.number(), Minor: z.number(), Patch: z.number(), Tag: z.string().optional(), Build: z.number().optional() })
    .transform((n) => (n.Tag ? `${n.Major}.${n.Minor}-${n.Tag}${n.Patch}` : `${n.Major}.${n.Minor}.${n.Patch}`) + (n.Build ? `.${n.Build}` : '')),
]);

const text = z.string().optional();
const int = z.number().int().optional();

/** Every field any Backups facade version (1–3) lists for BackupsMetadataResult. */
const metadataShape = {
  id: z.string(),
  checksum: text,
  'checksum-format': text,
  size: z.number().nonnegative().optional(),
  stored: text,
  started: text,
  finished: text,
  notes: text,
  model: text,
  machine: text,
  hostname: text,
  version: versionNumber.optional(),
  series: text,
  base: text,
  'ca-cert': text,
  'ca-private-key': text,
  filename: text,
  'format-version': int,
  'controller-uuid': text,
  'controller-machine-id': text,
  'controller-machine-inst-id': text,
  'ha-nodes': int,
} as const;

export const backupsMetadataFields = Object.keys(metadataShape);

/**
 * The controller's CA private key (2.x metadata) is dropped the moment a frame is parsed, so it can
 * never reach a memo, a log line, the renderer or a file. The CA certificate is public but large:
 * only the fact that the backup carries it is kept.
 */
export const backupsMetadataSchema = z.object(metadataShape).transform(({ 'ca-private-key': privateKey, 'ca-cert': caCert, ...rest }) => ({
  ...rest,
  carriesCaCert: Boolean(caCert),
  carriesCaPrivateKey: Boolean(privateKey),
}));
export type BackupMetadata = z.output<typeof backupsMetadataSchema>;

export const backupsListResultSchema = z.object({ list: z.array(backupsMetadataSchema).nullish().transform((l) => l ?? []) });

export const wireErrorSchema = z.object({ message: z.string(), code: z.string().optional(), info: z.record(z.string(), z.unknown()).nullish() });
export type WireError = z.infer<typeof wireErrorSchema>;

export const errorResultsSchema = z.object({
  results: z
    .array(z.object({ error: wireErrorSchema.nullish() }))
    .nullish()
    .transform((r) => r ?? []),
});

const facadeVersionsSchema = z.object({ name: z.string(), versions: z.array(z.number().int()).nullish().transform((v) => v ?? []) });

export const loginResultSchema = z.object({
  'controller-tag': z.string().optional(),
  'model-tag': z.string().optional(),
  'server-version': z.string().optional(),
  'user-info': z
    .object({
      identity: z.string().optional(),
      'controller-access': z.string().optional(),
      'model-access': z.string().optional(),
    })
    .optional(),
  facades: z.array(facadeVersionsSchema).nullish().transform((f) => f ?? []),
  servers: z.unknown().optional(),
  'discharge-required': z.unknown().optional(),
  'bakery-discharge-required': z.unknown().optional(),
  'discharge-required-error': z.string().optional(),
});
export type LoginResult = z.output<typeof loginResultSchema>;

export const redirectInfoSchema = z.object({
  servers: z
    .array(z.array(z.object({ value: z.string(), port: z.number().optional() })).nullish())
    .nullish()
    .transform((s) => s ?? []),
  'ca-cert': z.string().optional(),
});

export const userModelListSchema = z.object({
  'user-models': z
    .array(z.object({ model: z.object({ name: z.string(), uuid: z.string(), type: z.string().optional(), 'owner-tag': z.string().optional() }) }))
    .nullish()
    .transform((m) => m ?? []),
});

/** One frame of Juju's JSON-RPC codec (rpc/jsoncodec): hyphenated keys; `error` and `error-code` when the call failed. */
export const responseFrameSchema = z.object({
  'request-id': z.number().int().positive(),
  response: z.unknown().optional(),
  error: z.string().optional(),
  'error-code': z.string().optional(),
  'error-info': z.record(z.string(), z.unknown()).nullish(),
});
export type ResponseFrame = z.infer<typeof responseFrameSchema>;
