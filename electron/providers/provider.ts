import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Backup, Capabilities, ConnectionTest, Endpoint, JobKind, KindInfo, Resource, ResourceType, SavedFile } from '../../shared/domain';
import type { HttpClient } from '../core/http/http-client';
import type { EndpointMemo } from '../core/endpoint-memo';
import type { DownloadSink } from '../core/files/download-sink';
import type { Logger } from '../core/log/logger';

/** Everything a provider may use to reach one endpoint. Built by the core per call. */
export interface ProviderContext {
  readonly endpoint: Endpoint;
  /** A pooled client for the endpoint's own URL. */
  readonly http: HttpClient;
  /** A pooled client for another base URL of the same endpoint (a service from the Keystone catalog), with the same TLS trust and timeout. */
  httpFor(baseUrl: string): HttpClient;
  /** In-memory state for this endpoint (a Keystone token, the roles it carries); dropped when the endpoint changes. */
  readonly memo: EndpointMemo;
  readonly log: Logger;
  /** Reads a secret field of this endpoint from the secret store; undefined when unset. */
  secret(name: string): Promise<string | undefined>;
}

export interface ProgressUpdate {
  stage?: string;
  /** A step the operator must see (a restore's named stage): delivered at once, never folded into the next update. */
  milestone?: boolean;
  /** 0..1 */
  fraction?: number;
  bytesDone?: number;
  bytesTotal?: number;
}

/**
 * Handed to every long operation. Cancel arrives as `signal` being aborted: the provider then
 * asks the endpoint to stop and resolves with what really happened.
 */
export interface OperationContext {
  readonly signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  /** Persisted with the job so a restarted app can re-attach by polling the endpoint. */
  setRemoteRef(ref: string): void;
  /** The backup this job is about, once known (a create learns it from the server). */
  setBackupId(id: string): void;
  /** Set by the core when a download sink commits: the file and the SHA-256 of exactly the bytes saved. */
  recordSavedFile(file: SavedFile): void;
}

/**
 * A backup file on this computer to send to the endpoint. The core has already checked it (not
 * empty, gzip magic) and checks the first bytes again as they are read.
 */
export interface UploadSource {
  /** The file name as the operator sees it. */
  readonly name: string;
  readonly sizeBytes: number;
  /** The bytes, once, as a stream: never read whole into memory. */
  open(): Readable;
}

export interface OperationOutcome {
  /**
   * 'unknown': contact was lost and the endpoint cannot be asked how it ended (a Juju create whose
   * socket dropped). The job ends 'interrupted' with `outcome` saying what to check, never 'failed'.
   */
  state: 'succeeded' | 'cancelled' | 'unknown';
  /** One sentence for the user: what happened and what it left behind. */
  outcome: string;
  backupId?: string;
}

/** What a persisted job carries into `resume` after a restart. */
export interface ResumableJob {
  kind: JobKind;
  backupId?: string;
  remoteRef?: string;
}

/** Per-kind create/restore options arrive as unchecked JSON; each provider parses them with its own schema (see `parseOptions`). */
export type RawOptions = Record<string, unknown>;

export interface ImportedConfig {
  entries: string[];
  config?: { url: string; settings: Record<string, string>; caPem?: string };
  secrets?: Record<string, string>;
  /** Things in the file the app did not take over, and why (e.g. `verify: false`). */
  warnings: string[];
}

export interface Provider {
  readonly info: KindInfo;
  /** The name the endpoint's certificate is issued for when it is not the URL's host (Juju: `juju-apiserver`). */
  readonly tlsServerName?: string;
  /** Validates `endpoint.settings` when an endpoint is added, updated or tested. */
  readonly settingsSchema?: z.ZodType;
  /**
   * Checked by the core before a job starts, so a bad form gets its answer at once; the provider
   * parses again when it runs. A kind without a schema takes no options.
   */
  readonly createOptionsSchema?: z.ZodType;
  readonly restoreOptionsSchema?: z.ZodType;
  /** `memo` holds what the provider learnt at sign-in (roles), so admin-only actions can be offered only to admins. */
  capabilities(endpoint: Endpoint, memo: EndpointMemo): Capabilities;
  testConnection(ctx: ProviderContext): Promise<ConnectionTest>;
  listBackups(ctx: ProviderContext, filters?: Record<string, string>): Promise<Backup[]>;
  getBackup(ctx: ProviderContext, backupId: string): Promise<Backup>;
  /** `download`: the operator asked for the new backup to be saved on this computer right away (needs `download`). */
  createBackup(ctx: ProviderContext, op: OperationContext, options?: RawOptions, download?: DownloadSink): Promise<OperationOutcome>;
  backupAsset(ctx: ProviderContext, assetId: string, op: OperationContext): Promise<OperationOutcome>;
  restoreBackup(ctx: ProviderContext, backupId: string, op: OperationContext, options?: RawOptions): Promise<OperationOutcome>;
  deleteBackup(ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome>;
  /**
   * Re-attach to an operation that was running when the app stopped, by polling the endpoint.
   * Returns null when the endpoint cannot tell (the job is then marked interrupted).
   */
  resume(ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null>;
  /**
   * Streams the backup into `sink`, verifies it against the endpoint's checksum, then commits it.
   * The core discards the partial file whenever this does not end in a commit.
   */
  downloadBackup?(ctx: ProviderContext, backupId: string, sink: DownloadSink, op: OperationContext): Promise<OperationOutcome>;
  /**
   * Streams `source` to the endpoint (`application/octet-stream`), reporting bytes as they are sent,
   * then follows the new backup until the endpoint accepts it. Cancel aborts the transfer.
   */
  uploadBackup?(ctx: ProviderContext, source: UploadSource, op: OperationContext): Promise<OperationOutcome>;
  /** Wipes the device back to factory settings (the core has checked the typed endpoint name). */
  factoryReset?(ctx: ProviderContext, op: OperationContext): Promise<OperationOutcome>;
  /** Lists things a form can pick (volumes, instances, flavors, datastores). */
  listResources?(ctx: ProviderContext, type: ResourceType): Promise<Resource[]>;
  /** The backup's record as a file the user saves (Cinder export_record). */
  exportRecord?(ctx: ProviderContext, backupId: string): Promise<{ fileName: string; text: string }>;
  /** Registers a backup from a record file the user dropped or picked (Cinder import_record). */
  importRecord?(ctx: ProviderContext, text: string, op: OperationContext): Promise<OperationOutcome>;
  /**
   * Reads one entry of a file operators already keep (clouds.yaml) into endpoint config and secrets.
   * Without `entry`, only lists the entries.
   */
  importConfigFile?(text: string, entry?: string): ImportedConfig;
  /** Where the provider wants its base URL when the config leaves it empty (discovery). */
  resolveBaseUrl?(endpoint: Endpoint, log: Logger): Promise<string>;
}
