import type { Backup, Capabilities, ConnectionTest, Endpoint, JobKind, KindInfo } from '../../shared/domain';
import type { HttpClient } from '../core/http/http-client';
import type { Logger } from '../core/log/logger';

/** Everything a provider may use to reach one endpoint. Built by the core per call. */
export interface ProviderContext {
  readonly endpoint: Endpoint;
  readonly http: HttpClient;
  readonly log: Logger;
  /** Reads a secret field of this endpoint from the secret store; undefined when unset. */
  secret(name: string): Promise<string | undefined>;
}

export interface ProgressUpdate {
  stage?: string;
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
}

export interface OperationOutcome {
  state: 'succeeded' | 'cancelled';
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

export interface Provider {
  readonly info: KindInfo;
  capabilities(endpoint: Endpoint): Capabilities;
  testConnection(ctx: ProviderContext): Promise<ConnectionTest>;
  listBackups(ctx: ProviderContext): Promise<Backup[]>;
  getBackup(ctx: ProviderContext, backupId: string): Promise<Backup>;
  createBackup(ctx: ProviderContext, op: OperationContext): Promise<OperationOutcome>;
  backupAsset(ctx: ProviderContext, assetId: string, op: OperationContext): Promise<OperationOutcome>;
  restoreBackup(ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome>;
  deleteBackup(ctx: ProviderContext, backupId: string, op: OperationContext): Promise<OperationOutcome>;
  /**
   * Re-attach to an operation that was running when the app stopped, by polling the endpoint.
   * Returns null when the endpoint cannot tell (the job is then marked interrupted).
   */
  resume(ctx: ProviderContext, job: ResumableJob, op: OperationContext): Promise<OperationOutcome | null>;
  /** Where the provider wants its base URL when the config leaves it empty (discovery). */
  resolveBaseUrl?(endpoint: Endpoint, log: Logger): Promise<string>;
}
