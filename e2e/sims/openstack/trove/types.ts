/** Wire shapes Trove v1.0 sends (trove/backup/views.py, trove/instance/views.py) and the simulator's own records. */

export type BackupStatus = 'NEW' | 'BUILDING' | 'SAVING' | 'COMPLETED' | 'FAILED' | 'DELETE_FAILED' | 'RESTORED';

export const runningBackupStates: readonly BackupStatus[] = ['NEW', 'BUILDING', 'SAVING'];

/** Trove's InstanceStatus values the simulator uses (the real enum has more). */
export type InstanceStatus = 'BUILD' | 'ACTIVE' | 'HEALTHY' | 'ERROR' | 'BACKUP' | 'SHUTDOWN' | 'REBOOT' | 'RESIZE' | 'FAILED';

/** A status that takes effect at `at` (epoch ms). A record is in the last step already reached, so time needs no timers. */
export interface Step<S> {
  at: number;
  status: S;
}

export interface BackupRecord {
  id: string;
  projectId: string;
  name: string;
  description: string | null;
  instanceId: string | null;
  parentId: string | null;
  datastoreVersionId: string;
  createdAt: number;
  steps: Array<Step<BackupStatus>>;
  /** GB, reported only once COMPLETED. */
  finalSizeGb: number;
  swiftContainer: string | null;
}

export interface InstanceRecord {
  id: string;
  projectId: string;
  name: string;
  flavorId: string;
  volumeSizeGb: number;
  volumeUsedGb: number;
  datastoreVersionId: string;
  createdAt: number;
  steps: Array<Step<InstanceStatus>>;
  region: string;
  ips: string[];
  /** The backup a restore started from, for the control API. */
  restoredFrom: string | null;
}

export interface BackupStrategyRecord {
  projectId: string;
  /** '' = the project-wide strategy. */
  instanceId: string;
  backend: 'swift';
  swiftContainer: string;
}

export interface TroveLink {
  rel: string;
  href: string;
}

export interface TroveBackup {
  id: string;
  name: string;
  description: string | null;
  locationRef: string | null;
  instance_id: string | null;
  created: string;
  updated: string;
  size: number | null;
  status: BackupStatus;
  parent_id: string | null;
  project_id: string;
  datastore: { type: string; version: string; version_id: string };
}

export interface TroveInstance {
  id: string;
  name: string;
  status: InstanceStatus;
  operating_status: string;
  links: TroveLink[];
  flavor: { id: string; links: TroveLink[] };
  datastore: { type: string; version: string; version_number?: string };
  region: string;
  access: { is_public?: boolean };
  volume: { size: number; used?: number };
  ip?: string[];
  addresses?: Array<{ address: string; type: string; network: string }>;
  tenant_id?: string;
  created?: string;
  updated?: string;
  service_status_updated?: string;
}

export interface TroveFlavor {
  id: number | null;
  links: TroveLink[];
  name: string;
  ram: number;
  vcpus: number;
  disk: number;
  ephemeral: number;
  str_id: string;
}

export interface TroveBackupStrategy {
  project_id: string;
  instance_id: string;
  backend: string;
  swift_container: string;
}

/** What an operation refused with: becomes `{"<name>": {"code", "message"}}`. */
export interface TroveFault {
  status: number;
  name: string;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; fault: TroveFault };
