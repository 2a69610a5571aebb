import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import type { CallHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Endpoint } from '../../../shared/domain';
import type { OperationContext, OperationOutcome } from '../../providers/provider';
import { openDownloadSink, type DownloadSink, type PartRegistry } from '../files/download-sink';
import { checkSaveDestination, type SaveDestination } from '../files/save-destination';
import type { CoreDeps } from './deps';
import { requireCapability, startJob } from './provider-calls';

type FileHandlers = Pick<CallHandlers, 'files.chooseSaveLocation' | 'backups.download'>;

/** Asks the desktop for a path (a native save dialog); undefined when the operator cancelled. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | undefined>;

/** A suggested file name must stay a name: no folders, nothing hidden, nothing a shell would trip on. */
export function safeFileName(suggested: string): string {
  const name = basename(suggested.replace(/\\/g, '/')).replace(/[^\w.@+-]+/g, '-').replace(/^[.-]+/, '');
  return name || 'backup';
}

function defaultFolder(): string {
  const downloads = join(homedir(), 'Downloads');
  return existsSync(downloads) ? downloads : homedir();
}

/** Which job a sink belongs to, so a committed file is shown with its SHA-256 and remembered for later uploads. */
export interface SinkOwner {
  deps: CoreDeps;
  endpoint: Endpoint;
  op: OperationContext;
  backupId?: string;
}

/**
 * Runs a transfer into `sink`; anything but a commit by the provider leaves no file behind, and the
 * destination is free again once the job ends (discard after a commit only releases it).
 */
export async function withSink(owner: SinkOwner, sink: DownloadSink, run: (sink: DownloadSink) => Promise<OperationOutcome>): Promise<OperationOutcome> {
  try {
    const outcome = await run(sink);
    const saved = sink.saved;
    if (saved) {
      owner.op.recordSavedFile({ path: saved.path, bytes: saved.bytes, sha256: saved.sha256Hex });
      const { endpoint } = owner;
      await owner.deps.downloads.record({
        path: saved.path,
        bytes: saved.bytes,
        sha256: saved.sha256Hex,
        endpointId: endpoint.id,
        endpointName: endpoint.name,
        endpointKind: endpoint.kind,
        backupId: outcome.backupId ?? owner.backupId,
      });
    }
    return outcome;
  } finally {
    await sink.discard();
  }
}

/** Starts a job that owns `sink`; if the job cannot even start (a conflict), the destination is released. */
export async function startWithSink<T>(sink: DownloadSink, start: () => T): Promise<T> {
  try {
    return start();
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

/** What main allows as a download target, shared by `backups.download` and a create that downloads. */
export interface SaveRules {
  dataDir: string;
  chosenByDialog?: Set<string>;
  inUse: Set<string>;
  /** Lists the `.part` files being written, so the next start removes any a crash left behind. */
  partRegistry?: PartRegistry;
}

export function createSaveRules(dataDir: string, hasDialog: boolean, partRegistry?: PartRegistry): SaveRules {
  return { dataDir, chosenByDialog: hasDialog ? new Set() : undefined, inUse: new Set(), partRegistry };
}

export async function openCheckedSink(destination: SaveDestination, rules: SaveRules): Promise<DownloadSink> {
  const target = await checkSaveDestination(destination, rules);
  // A dialog's answer is good for one transfer.
  rules.chosenByDialog?.delete(destination.path);
  rules.inUse.add(target);
  return openDownloadSink(target, { overwrite: destination.overwrite, onRelease: () => rules.inUse.delete(target), partRegistry: rules.partRegistry });
}

export function fileHandlers(deps: CoreDeps, chooseSavePath: ChooseSavePath | undefined): FileHandlers {
  const rules = deps.saveRules;
  return {
    'files.chooseSaveLocation': async ({ suggestedName }) => {
      const name = safeFileName(suggestedName);
      if (!chooseSavePath) return { kind: 'type-it', defaultPath: join(defaultFolder(), name) };
      const path = await chooseSavePath(name);
      if (!path) return { kind: 'cancelled' };
      rules.chosenByDialog?.add(path);
      return { kind: 'chosen', path };
    },
    'backups.download': async ({ endpointId, backupId, destination }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'download');
      const download = provider.downloadBackup;
      if (!download) throw new AppError('unsupported', `${provider.info.label} endpoints cannot download backups.`);
      const sink = await openCheckedSink(destination, rules);
      deps.log.info('download requested', { endpointId, backupId, destination: sink.destination });
      return startWithSink(sink, () =>
        startJob(
          deps,
          endpoint,
          { kind: 'download', backupId, stage: `Downloading ${backupId}`, cancellable: true, cancelNote: 'Cancelling stops the transfer and removes the partial file; the backup stays on the endpoint.' },
          (ctx, op) => withSink({ deps, endpoint, op, backupId }, sink, (s) => download.call(provider, ctx, backupId, s, op)),
        ),
      );
    },
  };
}
