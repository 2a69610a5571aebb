import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import type { CallHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { OperationOutcome } from '../../providers/provider';
import { openDownloadSink, type DownloadSink } from '../files/download-sink';
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

/** Runs a transfer into `sink`; anything but a commit by the provider leaves no file behind. */
export async function withSink(sink: DownloadSink, run: (sink: DownloadSink) => Promise<OperationOutcome>): Promise<OperationOutcome> {
  try {
    const outcome = await run(sink);
    if (outcome.state !== 'succeeded') await sink.discard();
    return outcome;
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

export async function openCheckedSink(destination: SaveDestination): Promise<DownloadSink> {
  return openDownloadSink(await checkSaveDestination(destination));
}

export function fileHandlers(deps: CoreDeps, chooseSavePath: ChooseSavePath | undefined): FileHandlers {
  return {
    'files.chooseSaveLocation': async ({ suggestedName }) => {
      const name = safeFileName(suggestedName);
      if (!chooseSavePath) return { kind: 'type-it', defaultPath: join(defaultFolder(), name) };
      const path = await chooseSavePath(name);
      return path ? { kind: 'chosen', path } : { kind: 'cancelled' };
    },
    'backups.download': async ({ endpointId, backupId, destination }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'download');
      const download = provider.downloadBackup;
      if (!download) throw new AppError('unsupported', `${provider.info.label} endpoints cannot download backups.`);
      const sink = await openCheckedSink(destination);
      deps.log.info('download requested', { endpointId, backupId, destination: sink.destination });
      return startJob(
        deps,
        endpoint,
        { kind: 'download', backupId, stage: `Downloading ${backupId}`, cancellable: true, cancelNote: 'Cancelling stops the transfer and removes the partial file; the backup stays on the endpoint.' },
        (ctx, op) => withSink(sink, (s) => download.call(provider, ctx, backupId, s, op)),
      );
    },
  };
}
