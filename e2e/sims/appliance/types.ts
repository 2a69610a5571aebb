// The public surface of the appliance simulator (npm.backup 1.0). Wire names are the published ones.

export type BackupStatus = 'started' | 'uploading' | 'completed' | 'failed';
export type RestoreState = 'not_run' | 'started' | 'failed' | 'completed' | 'completed_with_errors';

/** One backup exactly as `GET /api/npm.backup/1.0/backups` lists it (additionalProperties: false). */
export interface WireBackup {
  backup_time: number;
  description: string;
  hostname: string;
  id: string;
  model: string;
  serial: string;
  size: number;
  status: BackupStatus;
  status_message: string;
  sw_version: string;
}

/** `GET /api/npm.backup/1.0/restore_status`. */
export interface WireRestoreStatus {
  last_restore_time: number;
  status: RestoreState;
  status_message: string;
}

export interface ApplianceSimOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  /** Multiplies every simulated duration (create 5 s, upload settle 2 s, restore 1 s, reboot 20 s). Default 1. */
  timeScale?: number;
  /** Seeds sizes, ids, the serial number and file contents. Default 1. */
  seed?: number;
  /** Access token lifetime in real seconds (not scaled). Default 900 (15 min). */
  tokenLifetimeSeconds?: number;
  /** Which `/api/mgmt.aaa/<v>/token` routes exist. Default ['1.0', '2.0']. */
  authVersions?: Array<'1.0' | '2.0'>;
  /** How many backups may exist at once. Default 2 (real AppResponse/Portal). */
  backupLimit?: number;
  /** Completed backups present at start and after reset() (0..backupLimit). Default 1. */
  seededBackups?: number;
  /** Approximate size of each seeded gzip file. Default 256 KiB. */
  seededBackupBytes?: number;
  /** Where backup files live. Default: a fresh temp dir, removed on close(). A given dir is left in place. */
  dataDir?: string;
}

export interface ApplianceFaults {
  /** Next download: 200 with the full Content-Length, this many body bytes, then the socket is closed. One-shot. */
  dropDownloadAfterBytes?: number;
  /** Next upload: after this many body bytes the socket is destroyed; the partial file is removed. One-shot. */
  dropUploadAfterBytes?: number;
  /** The next N npm.backup API requests answer 500 INTERNAL_ERROR (control and token routes excepted). */
  serverErrors: number;
  /** The next N npm.backup API requests answer 503 SERVICE_UNAVAILABLE (checked after serverErrors). */
  unavailable: number;
  /** Throttles file bodies in both directions (download send rate, upload read rate). */
  slowLinkBytesPerSecond?: number;
  /** How the next restores end. Default 'completed'. */
  restoreOutcome: 'completed' | 'completed_with_errors' | 'failed';
  /** During a reboot: listener closed and every socket destroyed for this long (ECONNREFUSED). Default 20 s × timeScale. */
  rebootRefuseMs: number;
  /** After the refuse phase: connections accepted, API requests never answered, for this long. Default 0. */
  rebootHangMs: number;
  /** GET /restore_status reports a restore under way that nobody here started (another admin's, or one the box never closed). */
  restoreUnderWay?: boolean;
  /** Next create ends 'failed' with this status_message. One-shot. */
  createFails?: string;
  /** Token routes answer 415 unless Content-Type is exactly `application/json`. Default true. */
  strictContentType: boolean;
  /**
   * The next request of this kind is carried out (the backup created or deleted, the restore or
   * factory reset started) and then its socket is destroyed without an answer, like a box that drops
   * the connection as it gets busy or goes down to reboot. One-shot.
   */
  dropAnswer?: DroppedAnswer;
  /**
   * The next download of a completed backup answers 200 with something else: `html-page` (a proxy's
   * sign-in page, text/html), `json-error` (a Riverbed error body), `unsized` (the file, chunked, with no
   * Content-Length) or `unsized-short` (the same, 1 KiB short of the listed size: a box whose listed
   * `size` is not the byte count it sends). One-shot.
   */
  downloadAnswer?: OddDownload;
}

export type DroppedAnswer = 'create' | 'delete' | 'restore' | 'reset_factory';
export type OddDownload = 'html-page' | 'json-error' | 'unsized' | 'unsized-short';

export interface RequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  contentType?: string;
  /** 'bearer': `Authorization: Bearer …` (capital B); 'other': any other Authorization header; 'none': no header. */
  authorization?: 'bearer' | 'other' | 'none';
  /** The status sent; 0 when the socket was destroyed before any answer (drop faults, reboot, hang, client abort). */
  status: number;
}

export type RebootPhase = 'none' | 'pending' | 'refusing' | 'hanging';

export interface ApplianceSimState {
  backups: WireBackup[];
  restoreStatus: WireRestoreStatus;
  /** True while the box is down (refuse phase) or booting (hang phase). */
  rebooting: boolean;
  /** Extra (not in the brief): 'pending' is the ~1 s between the 202 and the reboot. */
  rebootPhase: RebootPhase;
  factoryResets: number;
  restores: number;
  liveAccessTokens: number;
  /** The last 500 API requests (control routes are not logged). */
  requests: RequestLogEntry[];
}

export interface ApplianceCredentials {
  username: string;
  password: string;
}

export interface ApplianceSim {
  /** 'https://127.0.0.1:<port>' (no path; clients append /api/...). */
  readonly url: string;
  readonly port: number;
  /** The current self-signed leaf certificate (PEM): changes after a factory reset or regenerateCertificate(). */
  readonly certPem: string;
  /** SHA-256 of certPem, 'AA:BB:…' upper-case, like X509Certificate.fingerprint256. */
  readonly fingerprint256: string;
  /** Demo: admin / 'appliance-demo'; after a factory reset: admin / 'admin'. */
  readonly credentials: ApplianceCredentials;
  /** The mutable switchboard. */
  readonly faults: ApplianceFaults;
  /** A fresh snapshot on each read. */
  readonly state: ApplianceSimState;
  /** Every access token now answers 401 AUTH_EXPIRED_TOKEN (refresh tokens stay valid). */
  expireTokens(): void;
  /**
   * A new key and self-signed certificate, served from the next TLS handshake on. Like a web server
   * reload, idle keep-alive connections close at once and busy ones after their current answer.
   */
  regenerateCertificate(): void;
  /** Seeded backups back, faults off, tokens dropped, demo credentials and the start certificate back, any reboot cut short. */
  reset(): void;
  /** Closes every socket (keep-alive too) and removes the temp dir it made. */
  close(): Promise<void>;
}
