import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { streamUploadRequestSchema } from '../../shared/contract';
import type { Job } from '../../shared/domain';
import { toErrorEnvelope } from '../../shared/errors';
import type { CallHandlers, CallResult, EventName } from '../../shared/contract';
import { createProviderRegistry, type ProviderRegistry } from '../providers/registry';
import { Connections } from './connections';
import { createDispatcher } from './dispatch';
import { EndpointStore } from './endpoints/endpoint-store';
import { DownloadLedger } from './files/download-ledger';
import { PartialFiles } from './files/partial-files';
import { PickedPaths } from './files/picked-paths';
import { JobRunner } from './jobs/job-runner';
import { SecretRedactor, type Logger } from './log/logger';
import type { SecretStore } from './secrets/secret-store';
import { backupHandlers } from './service/backup-handlers';
import type { CoreDeps, EmitEvent } from './service/deps';
import { endpointHandlers } from './service/endpoint-handlers';
import { createSaveRules, fileHandlers, type ChooseSavePath } from './service/file-handlers';
import { isActive } from './service/job-state';
import { endpointImportHandlers } from './service/endpoint-import-handlers';
import { miscHandlers } from './service/misc-handlers';
import { recordHandlers } from './service/record-handlers';
import { deviceHandlers } from './service/device-handlers';
import { startStreamUpload, uploadHandlers } from './service/upload-handlers';
import { reattachInterruptedJobs } from './service/reattach';

export interface AppCoreOptions {
  dataDir: string;
  secretStore: SecretStore;
  log: Logger;
  host: 'electron' | 'web';
  version: string;
  /** Shared with the logger so secrets learnt at run time are masked in every line. */
  redactor?: SecretRedactor;
  providers?: ProviderRegistry;
  /** The desktop's save dialog; browser mode has none, so the operator types a path instead. */
  chooseSavePath?: ChooseSavePath;
}

export type EventListener = (name: EventName, payload: unknown) => void;

/** The whole application behind one dispatch function; both hosts (IPC and web) sit on top of it. */
export interface AppCore {
  /** Validates input against the contract and never throws: failures come back as envelopes. */
  dispatch(name: string, rawInput: unknown): Promise<CallResult<unknown>>;
  onEvent(listener: EventListener): () => void;
  /**
   * Browser mode's upload: `body` is the file as the request streams it. Validates `request` like a
   * call; the job reads the body, and a refused upload leaves it unread for the host to drain.
   */
  uploadStream(request: unknown, body: Readable): Promise<CallResult<Job>>;
  /** Desktop: a path the preload read from a File the operator dropped or picked; `backups.upload` takes only these. */
  allowUploadPath(path: string): void;
  activeJobCount(): number;
  /** Jobs still queued, running or cancelling, newest first (what quitting would interrupt). */
  activeJobs(): Job[];
  /** Mean progress (0..1) of running jobs that report it, for the taskbar; undefined when none. */
  aggregateProgress(): number | undefined;
  close(): Promise<void>;
}

export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const { dataDir, log } = options;
  const redactor = options.redactor ?? new SecretRedactor();
  const providers = options.providers ?? createProviderRegistry();
  const listeners = new Set<EventListener>();
  const emit: EmitEvent = (name, payload) => {
    for (const listener of listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        log.error('event listener failed', { event: name, error });
      }
    }
  };
  const endpoints = await EndpointStore.open(join(dataDir, 'endpoints.json'));
  const jobs = await JobRunner.open({ file: join(dataDir, 'jobs.json'), log, onUpdate: (job) => emit('job.updated', job) });
  const connections = new Connections(providers, options.secretStore, redactor, log);
  const deps: CoreDeps = {
    endpoints,
    jobs,
    secrets: options.secretStore,
    connections,
    providers,
    redactor,
    log,
    emit,
    appInfo: { version: options.version, host: options.host, platform: process.platform, dataDir },
    saveRules: createSaveRules(dataDir, Boolean(options.chooseSavePath), (await PartialFiles.open(join(dataDir, 'partial-downloads.json'), log)).partials),
    downloads: await DownloadLedger.open(join(dataDir, 'downloads.json'), log),
    uploadPaths: options.host === 'electron' ? new PickedPaths() : undefined,
  };
  const handlers: CallHandlers = {
    ...miscHandlers(deps), ...endpointHandlers(deps), ...endpointImportHandlers(deps), ...backupHandlers(deps), ...recordHandlers(deps),
    ...fileHandlers(deps, options.chooseSavePath), ...uploadHandlers(deps), ...deviceHandlers(deps),
  };
  const dispatch = createDispatcher(handlers, log);
  reattachInterruptedJobs(deps);
  log.info('core started', { host: options.host, version: options.version });

  return {
    dispatch,
    async uploadStream(request, body) {
      const parsed = streamUploadRequestSchema.safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, error: { code: 'validation', message: `Invalid upload request${issue?.path.length ? ` at "${issue.path.join('.')}"` : ''}: ${issue?.message ?? 'invalid'}.` } };
      }
      try {
        return { ok: true, value: await startStreamUpload(deps, parsed.data, body) };
      } catch (error) {
        return { ok: false, error: toErrorEnvelope(error) };
      }
    },
    allowUploadPath(path) {
      deps.uploadPaths?.allow(path);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    activeJobCount: () => jobs.list().filter((j) => isActive(j.state)).length,
    activeJobs: () => jobs.list().filter((j) => isActive(j.state)),
    aggregateProgress() {
      const fractions = jobs
        .list()
        .filter((j) => isActive(j.state) && j.progress.fraction !== undefined)
        .map((j) => j.progress.fraction as number);
      return fractions.length ? fractions.reduce((a, b) => a + b, 0) / fractions.length : undefined;
    },
    async close() {
      listeners.clear();
      // Transfers die with the process and cannot be picked up again: stop them so their partial files go now.
      await jobs.stopForQuit(['download', 'upload'], 5_000);
      await jobs.close();
      await connections.closeAll();
      log.info('core stopped');
    },
  };
}
