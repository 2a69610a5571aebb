import type { JujuFaults } from './faults';
import type { RpcLogEntry } from './request-log';

export type JujuVersion = '2.8.10' | '3.6.14';

export interface JujuSimOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  host?: '127.0.0.1';
  /** Default '3.6.14'. Decides the facades, the Backups facade version and its fields. */
  version?: JujuVersion;
  /** Multiplies simulated durations (a Create takes `createMs` × timeScale of real time). Default 1. */
  timeScale?: number;
  /** Seeds uuids, passwords and probabilistic faults. Default 1. */
  seed?: number;
  /** Size of every backup archive. Default 2 MiB. */
  archiveBytes?: number;
  /** Simulated duration of a Create (mongodump + tar), before timeScale. Default 20 s. */
  createMs?: number;
}

export interface JujuAccount {
  username: string;
  password: string;
}

export interface JujuCredentials {
  /** Controller superuser. */
  admin: JujuAccount;
  /** Controller `login` access and read access to the models: may log in, may not use Backups. */
  nonSuperuser: JujuAccount;
  /** Controller superuser never given access to the controller model: ListModels does not show it, Controller.AllModels does. */
  superuserWithoutModelAccess: JujuAccount;
}

/** Backup metadata, as Juju keeps it (wire keys; `version` is the string form of juju/version.Number). */
export interface BackupMetadata {
  id: string;
  checksum: string;
  'checksum-format': string;
  size: number;
  stored: string;
  started: string;
  finished: string;
  notes: string;
  model: string;
  machine: string;
  hostname: string;
  version: string;
  series?: string;
  base?: string;
  'ca-cert'?: string;
  'ca-private-key'?: string;
  filename: string;
  'format-version': number;
  'controller-uuid': string;
  'controller-machine-id': string;
  'controller-machine-inst-id': string;
  'ha-nodes': number;
}

/** Juju 2.x restore status (state/restore.go). */
export type RestoreStatus = 'NOT-RESTORING' | 'PENDING' | 'RESTORING' | 'RESTORED' | 'CHECKED' | 'FAILED';

export interface DownloadRecord {
  /** What the client sent as `id` (an id, or on 3.x the archive's absolute filename). */
  id: string;
  bytesSent: number;
  /** Whether the whole archive went out. */
  complete: boolean;
  at: string;
}

export interface JujuSimState {
  version: JujuVersion;
  timeScale: number;
  /** Backups stored in the controller database (2.x with keep-copy); never any on 3.x. */
  backups: BackupMetadata[];
  /** Archives waiting on disk for their one-shot download, by absolute filename. */
  pendingFiles: string[];
  /** Every Create that returned, stored or not. */
  created: BackupMetadata[];
  downloads: DownloadRecord[];
  restores: Array<{ backupId: string; at: string }>;
  restoreStatus: RestoreStatus;
  /** True while the API server is "restarting" after a Restore. */
  apiServerDown: boolean;
  openSockets: number;
  requests: RpcLogEntry[];
  faults: JujuFaults;
}

export interface JujuSim {
  /** '127.0.0.1:PORT', as in controllers.yaml `api-endpoints`. */
  readonly address: string;
  /** 'wss://127.0.0.1:PORT' (no path). */
  readonly url: string;
  readonly port: number;
  /** The controller CA certificate (PEM); the server certificate is signed by it. */
  readonly caPem: string;
  readonly controllerUuid: string;
  readonly controllerModelUuid: string;
  /** The hosted `default` model (Backups refuse it). */
  readonly defaultModelUuid: string;
  readonly version: JujuVersion;
  readonly credentials: JujuCredentials;
  /** Mutable switchboard: flip fields directly (`sim.faults.createFails = 'HA not ready; try again later'`). */
  readonly faults: JujuFaults;
  readonly state: JujuSimState;
  /** What `juju show-controller --show-password <name>` prints for this controller. */
  showControllerYaml(name?: string): string;
  /** `juju change-user-password`: a restore of an older backup brings the old password back. */
  setPassword(username: string, password: string): void;
  /** No backups, no pending files, faults off, log cleared, passwords as at start; open sockets stay. */
  reset(): void;
  close(): Promise<void>;
}
