import type { CallInput, CallName, CallOutput, EventName, EventPayload, PreloadBridge } from '../../../shared/contract';
import { ClientError } from './client-error';
import { parseCallOutput, unwrapEnvelope } from './envelope';
import { parseEventPayload } from './event-payload';
import type { RendererClient } from './renderer-client';

/** Electron host: the preload bridge answers with envelopes; this turns them into values or ClientErrors. */
export function createIpcClient(bridge: PreloadBridge): RendererClient {
  return {
    host: 'electron',

    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
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
    },

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
