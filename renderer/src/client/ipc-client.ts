import type { CallInput, CallName, CallOutput, EventName, EventPayload, PreloadBridge } from '../../../shared/contract';
import { ClientError } from './client-error';
import { parseCallOutput, unwrapEnvelope } from './envelope';
import { parseEventPayload } from './event-payload';
import type { RendererClient, UploadRequest } from './renderer-client';

/** Electron host: the preload bridge answers with envelopes; this turns them into values or ClientErrors. */
export function createIpcClient(bridge: PreloadBridge): RendererClient {
  const pathOf = (file: File): string | undefined => bridge.pathForFile?.(file) || undefined;

  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    let raw: unknown;
    try {
      raw = await bridge.call(name, input);
    } catch (error) {
      throw new ClientError({
        code: 'internal',
        message: `The app did not accept the "${name}" request.`,
        hint: error instanceof Error ? error.message : 'Restart Backup Console.',
      });
    }
    return parseCallOutput(name, unwrapEnvelope(raw, name));
  }

  /** Main opens the file by its path and streams it itself: the bytes never cross IPC. */
  async function uploadFile({ endpointId, warningsAccepted, deleteFirst }: UploadRequest, file: File) {
    const path = pathOf(file);
    if (!path) {
      throw new ClientError({
        code: 'local-file',
        message: `"${file.name}" has no location on this computer that Backup Console can read.`,
        hint: 'Save the file to a folder first (not inside an archive or another app), then drop it from there or pick it with "Upload backup file…".',
      });
    }
    return call('backups.upload', { endpointId, path, warningsAccepted, ...(deleteFirst ? { deleteFirst } : {}) });
  }

  return {
    host: 'electron',
    call,
    uploadFile,
    pathOf,

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, (raw) => {
        const payload = parseEventPayload(event, raw);
        if (payload !== undefined) listener(payload);
      });
    },

    onReconnect: () => () => {},
    getConnectionStatus: () => 'open',
    onConnectionStatus: () => () => {},
  };
}
