// Pieces OS core_openapi wire shapes, spelled exactly as the server writes them (snake_case
// `device_name`, hyphenated `IN-PROGRESS`, one-L `CANCELED`). Kept separate from the provider's
// zod schemas on purpose: the simulator must not share the client's assumptions.

export const backupStatusValues = ['UNKNOWN', 'INITIALIZED', 'IN-PROGRESS', 'COMPLETED', 'FAILED', 'CANCELED', 'RESET'] as const;
/** BackupStatusEnum = ModelDownloadProgressStatusEnum on the wire. */
export type BackupStatusEnum = (typeof backupStatusValues)[number];

export type PlatformEnum = 'UNKNOWN' | 'WEB' | 'MACOS' | 'LINUX' | 'WINDOWS' | 'FUCHSIA' | 'IOS' | 'ANDROID';
export type MechanismEnum = 'MANUAL' | 'RECOMMENDED' | 'AUTOMATIC' | 'INTERNAL' | 'DELETED';

export interface EmbeddedModelSchema {
  migration: number;
  semantic: 'UNKNOWN' | 'MAJOR_0_MINOR_0_PATCH_1';
}

/** Every generated model may carry this; the real server fills it in. */
export const embeddedSchema: EmbeddedModelSchema = { migration: 0, semantic: 'MAJOR_0_MINOR_0_PATCH_1' };

export interface GroupedTimestamp {
  schema?: EmbeddedModelSchema;
  value: string;
  readable?: string;
}

export interface Backup {
  schema?: EmbeddedModelSchema;
  id: string;
  bytes: number;
  created: GroupedTimestamp;
  device_name: string;
  platform: PlatformEnum;
  timestamp: string;
  version: string;
}

export interface Backups {
  schema?: EmbeddedModelSchema;
  iterable: Backup[];
}

export interface BackupStatus {
  schema?: EmbeddedModelSchema;
  backup: Backup;
  value?: BackupStatusEnum;
  percentage?: number;
}

/** Note the key is `status` here, not `value` as in BackupStatus. */
export interface BackupStreamedProgress {
  schema?: EmbeddedModelSchema;
  backup?: Backup;
  status?: BackupStatusEnum;
  percentage?: number;
}

export interface BackupsStreamedProgress {
  schema?: EmbeddedModelSchema;
  backups?: BackupStreamedProgress[];
  restorations?: BackupStreamedProgress[];
}

export interface ReferencedFormat {
  id: string;
}

export interface Format {
  schema?: EmbeddedModelSchema;
  id: string;
  creator: string;
  classification: { generic: string; specific: string };
  role: 'ORIGINAL' | 'PREVIEW' | 'BOTH';
  created: GroupedTimestamp;
  updated: GroupedTimestamp;
  asset: { id: string };
  fragment: { string: { raw: string } };
}

export interface Asset {
  schema?: EmbeddedModelSchema;
  id: string;
  name?: string;
  creator: string;
  created: GroupedTimestamp;
  updated: GroupedTimestamp;
  mechanism: MechanismEnum;
  formats: { iterable: Format[] };
  original: ReferencedFormat;
  preview: { base: ReferencedFormat };
}

export interface Assets {
  schema?: EmbeddedModelSchema;
  iterable: Asset[];
}
