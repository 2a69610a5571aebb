import { z } from 'zod';

// Pieces OS core_openapi models, keys exactly as on the wire. Objects are loose: extra fields the
// server adds are kept (so a Backup can be sent back verbatim) and never fail parsing.

/** BackupStatusEnum / ModelDownloadProgressStatusEnum, spelled as the server spells them. */
export const backupStatusValues = ['UNKNOWN', 'INITIALIZED', 'IN-PROGRESS', 'COMPLETED', 'FAILED', 'CANCELED', 'RESET'] as const;
export type BackupStatusValue = (typeof backupStatusValues)[number];
export type EndStatusValue = Extract<BackupStatusValue, 'COMPLETED' | 'FAILED' | 'CANCELED'>;

export function isEndStatus(value: string | undefined): value is EndStatusValue {
  return value === 'COMPLETED' || value === 'FAILED' || value === 'CANCELED';
}

// A status this client does not know yet is kept as text rather than failing the whole job.
const statusValue = z.string();

export const groupedTimestampSchema = z.looseObject({
  value: z.string(),
  readable: z.string().optional(),
});

export const backupSchema = z.looseObject({
  id: z.string().min(1),
  bytes: z.number().nonnegative(),
  created: groupedTimestampSchema,
  device_name: z.string(),
  platform: z.string(),
  timestamp: z.string(),
  version: z.string(),
});
export type WireBackup = z.infer<typeof backupSchema>;

export const backupsSchema = z.looseObject({
  iterable: z.array(backupSchema),
});

export const backupStatusSchema = z.looseObject({
  backup: backupSchema,
  value: statusValue.optional(),
  percentage: z.number().optional(),
});
export type WireBackupStatus = z.infer<typeof backupStatusSchema>;

/** Note: `status` here, where BackupStatus says `value`. */
export const backupStreamedProgressSchema = z.looseObject({
  backup: backupSchema.optional(),
  status: statusValue.optional(),
  percentage: z.number().optional(),
});
export type WireBackupStreamedProgress = z.infer<typeof backupStreamedProgressSchema>;

export const backupsStreamedProgressSchema = z.looseObject({
  backups: z.array(backupStreamedProgressSchema).optional(),
  restorations: z.array(backupStreamedProgressSchema).optional(),
});
export type WireBackupsStreamedProgress = z.infer<typeof backupsStreamedProgressSchema>;

/** Only what POST /backup/asset needs checked; the rest of the Asset travels back untouched. */
export const assetSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  created: groupedTimestampSchema,
  updated: groupedTimestampSchema,
  creator: z.string(),
  mechanism: z.string(),
  formats: z.looseObject({}),
  original: z.looseObject({}),
  preview: z.looseObject({}),
});
export type WireAsset = z.infer<typeof assetSchema>;
