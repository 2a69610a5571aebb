/** Cinder's stored objects, as the simulator keeps them (views turn them into wire JSON per microversion). */

export const backupStatuses = ['creating', 'available', 'deleting', 'error', 'error_deleting', 'restoring'] as const;
export type BackupStatus = (typeof backupStatuses)[number];

export interface BackupRecord {
  id: string;
  projectId: string;
  userId: string;
  volumeId: string;
  snapshotId: string | null;
  name: string | null;
  description: string | null;
  status: BackupStatus;
  failReason: string | null;
  /** GiB of the source volume. */
  size: number;
  objectCount: number;
  availabilityZone: string | null;
  container: string | null;
  createdAt: string;
  updatedAt: string | null;
  dataTimestamp: string;
  parentId: string | null;
  metadata: Record<string, string>;
  encryptionKeyId: string | null;
  service: string;
}

export type VolumeStatus = 'creating' | 'available' | 'in-use' | 'error' | 'backing-up' | 'restoring-backup' | 'error_restoring' | 'deleting';

export interface VolumeAttachment {
  id: string;
  attachment_id: string;
  volume_id: string;
  server_id: string;
  host_name: string | null;
  device: string;
  attached_at: string;
}

export interface VolumeRecord {
  id: string;
  projectId: string;
  userId: string;
  name: string | null;
  description: string | null;
  status: VolumeStatus;
  /** GiB. */
  size: number;
  availabilityZone: string;
  bootable: boolean;
  attachments: VolumeAttachment[];
  createdAt: string;
  updatedAt: string | null;
  volumeType: string;
  encrypted: boolean;
  metadata: Record<string, string>;
  multiattach: boolean;
}

export interface SnapshotRecord {
  id: string;
  projectId: string;
  userId: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  status: 'creating' | 'available' | 'error' | 'deleting';
  size: number;
  createdAt: string;
  updatedAt: string | null;
  metadata: Record<string, string>;
}

/** An error Cinder's wsgi layer turns into `{"<name>": {"code", "message"}}`. */
export class CinderFault extends Error {
  constructor(
    readonly status: number,
    readonly faultName: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new CinderFault(400, 'badRequest', message);
export const notFound = (message: string) => new CinderFault(404, 'itemNotFound', message);
export const forbidden = (policy: string) => new CinderFault(403, 'forbidden', `Policy doesn't allow ${policy} to be performed.`);
