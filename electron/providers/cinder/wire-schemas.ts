import { z } from 'zod';

const link = z.object({ href: z.string(), rel: z.string() }).loose();

/** A backup as GET /backups/{id} and /backups/detail give it; later microversions add fields (kept by `loose`). */
export const backupSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    name: z.string().nullish(),
    description: z.string().nullish(),
    size: z.number().nullish(),
    volume_id: z.string().nullish(),
    snapshot_id: z.string().nullish(),
    container: z.string().nullish(),
    availability_zone: z.string().nullish(),
    fail_reason: z.string().nullish(),
    object_count: z.number().nullish(),
    is_incremental: z.boolean().nullish(),
    has_dependent_backups: z.boolean().nullish(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
    data_timestamp: z.string().nullish(),
    metadata: z.record(z.string(), z.string()).nullish(),
    user_id: z.string().nullish(),
    links: z.array(link).optional(),
  })
  .loose();
export type WireBackup = z.infer<typeof backupSchema>;

export const backupShowSchema = z.object({ backup: backupSchema });

const pageLinks = z.array(link).optional();

export const backupDetailListSchema = z.object({ backups: z.array(backupSchema), backups_links: pageLinks, count: z.number().optional() }).loose();

/** The summary list (GET /backups): id, name and links only. */
export const backupSummaryListSchema = z
  .object({ backups: z.array(z.object({ id: z.string(), name: z.string().nullish(), links: z.array(link).optional() })), backups_links: pageLinks, count: z.number().optional() })
  .loose();

/** 202 to POST /backups and 201 to POST /backups/import_record: `{"backup":{id, links, name}}`. */
export const backupRefSchema = z.object({ backup: z.object({ id: z.string(), name: z.string().nullish(), links: z.array(link).optional() }).loose() });

export const restoreResponseSchema = z.object({ restore: z.object({ backup_id: z.string(), volume_id: z.string(), volume_name: z.string().nullish() }).loose() });

export const backupRecordSchema = z.object({ backup_service: z.string().min(1), backup_url: z.string().min(1) }).loose();
export const exportRecordSchema = z.object({ 'backup-record': backupRecordSchema });

const versionEntry = z
  .object({ id: z.string(), status: z.string().optional(), version: z.string().optional(), min_version: z.string().optional(), links: z.array(link).optional() })
  .loose();
/** GET / (300) and GET /v3/ (200) list versions; some deployments answer /v3/ with a single `version`. */
export const versionsSchema = z
  .object({ versions: z.array(versionEntry).optional(), version: versionEntry.optional() })
  .loose()
  .refine((d) => d.versions || d.version, 'a "versions" list or a "version"');

export const volumeSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    name: z.string().nullish(),
    size: z.number().nullish(),
    availability_zone: z.string().nullish(),
    bootable: z.union([z.string(), z.boolean()]).nullish(),
    volume_type: z.string().nullish(),
    attachments: z.array(z.object({ server_id: z.string().nullish() }).loose()).nullish(),
    created_at: z.string().nullish(),
  })
  .loose();
export type WireVolume = z.infer<typeof volumeSchema>;
export const volumeShowSchema = z.object({ volume: volumeSchema });
export const volumeDetailListSchema = z.object({ volumes: z.array(volumeSchema), volumes_links: pageLinks }).loose();

/** Request bodies, checked in tests against the reference samples. */
export const createRequestSchema = z.object({
  backup: z
    .object({
      volume_id: z.string(),
      name: z.string().nullish(),
      description: z.string().nullish(),
      container: z.string().nullish(),
      incremental: z.boolean().optional(),
      force: z.boolean().optional(),
      snapshot_id: z.string().nullish(),
      metadata: z.record(z.string(), z.string()).optional(),
      availability_zone: z.string().nullish(),
    })
    .strict(),
});
export const restoreRequestSchema = z.object({ restore: z.object({ volume_id: z.string().nullish(), name: z.string().nullish() }).strict().nullable() });
export const actionRequestSchema = z.union([
  z.object({ 'os-force_delete': z.object({}).strict() }).strict(),
  z.object({ 'os-reset_status': z.object({ status: z.string() }).strict() }).strict(),
]);
export const updateRequestSchema = z.object({ backup: z.object({ name: z.string().nullish(), description: z.string().nullish(), metadata: z.record(z.string(), z.string()).optional() }).strict() });
