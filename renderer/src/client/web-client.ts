import { isEventName } from '../../../shared/channels';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../shared/contract';
import { jobSchema, terminalJobStates, type Job } from '../../../shared/domain';
import { ClientError } from './client-error';
import { parseCallOutput, unwrapEnvelope } from './envelope';
import { parseEventPayload } from './event-payload';
import { EventStream } from './event-stream';
import { ListenerSet } from './listener-set';
import type { ConnectionStatus, RendererClient, UploadRequest } from './renderer-client';
import type { SseMessage } from './sse-parser';

export interface WebClientOptions {
  token: string;
  /** Origin-relative by default: the web host serves this page and the API together. */
  baseUrl?: string;
  fetch?: typeof fetch;
  random?: () => number;
  idleTimeoutMs?: number;
}

export interface WebClient extends RendererClient {
  close(): void;
}

/**
 * Browser mode: `POST /api/call/<name>` with a Bearer token answers an envelope;
 * `GET /api/events` is an SSE feed of `event: <name>` / `data: <json>` messages;
 * `POST /api/upload?<request>` takes a file as its body and answers an envelope with the job.
 */
export function createWebClient(options: WebClientOptions): WebClient {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const eventListeners = new Map<EventName, ListenerSet<unknown>>();
  const reconnectListeners = new ListenerSet<void>();
  const statusListeners = new ListenerSet<ConnectionStatus>();
  let status: ConnectionStatus = 'connecting';

  const stream = new EventStream({
    url: `${baseUrl}/api/events`,
    token: options.token,
    fetch: fetchImpl,
    random: options.random,
    idleTimeoutMs: options.idleTimeoutMs,
    onMessage: (message) => dispatch(message),
    onStatus: (next) => {
      if (next === status) return;
      status = next;
      statusListeners.emit(next);
    },
    onReconnected: () => reconnectListeners.emit(),
  });

  function dispatch(message: SseMessage): void {
    if (!isEventName(message.event)) return;
    const listeners = eventListeners.get(message.event);
    if (!listeners || listeners.size === 0) return;
    let raw: unknown;
    try {
      raw = JSON.parse(message.data);
    } catch {
      console.warn(`[client] dropped a "${message.event}" event whose data is not JSON`);
      return;
    }
    const payload = parseEventPayload(message.event, raw);
    if (payload !== undefined) listeners.emit(payload);
  }

  /** The envelope a host route answered, or a ClientError saying why there is none. */
  async function envelopeFrom(response: Response, what: string): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new ClientError({
        code: response.status === 401 ? 'unauthorized' : 'bad-response',
        message: `The host answered ${what} with HTTP ${response.status} and no result.`,
        hint: 'Open the link the host printed at start-up again.',
      });
    }
  }

  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch {
      throw new ClientError({
        code: 'unreachable',
        message: 'Lost contact with the Backup Console host.',
        hint: 'Check that the host process (npm run serve) is still running, then retry.',
      });
    }
    return parseCallOutput(name, unwrapEnvelope(await envelopeFrom(response, `"${name}"`), name));
  }

  /**
   * The File itself is the body: Chromium streams it from disk, so a large backup is never read
   * into memory. The host answers once it has read the whole body; progress comes as job events.
   * A job that ends first (cancelled, failed) ends the request too, so the browser stops sending.
   */
  async function uploadFile(request: UploadRequest, file: File): Promise<Job> {
    const clientRef = randomUuid();
    const stop = new AbortController();
    let ended: Job | undefined;
    const unsubscribe = on('job.updated', (job) => {
      if (job.clientRef !== clientRef || !terminalJobStates.includes(job.state)) return;
      ended = job;
      stop.abort();
    });
    try {
      return await sendUpload(request, file, clientRef, stop.signal);
    } catch (error) {
      if (ended) return ended;
      throw error;
    } finally {
      unsubscribe();
    }
  }

  async function sendUpload(request: UploadRequest, file: File, clientRef: string, signal: AbortSignal): Promise<Job> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/upload?${uploadQuery(request, file, clientRef)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${options.token}` },
        body: file,
        cache: 'no-store',
        signal,
      });
    } catch {
      throw new ClientError({
        code: 'unreachable',
        message: `The upload of "${file.name}" was cut off before the host answered.`,
        hint: 'Check that the host process (npm run serve) is still running; the jobs panel shows how far the upload got.',
      });
    }
    const value = unwrapEnvelope(await envelopeFrom(response, 'the upload'), 'backups.upload');
    const job = jobSchema.safeParse(value);
    if (!job.success) {
      throw new ClientError({
        code: 'bad-response',
        message: 'The host answered the upload with data the window does not understand.',
        hint: 'The window and the host may be from different versions. Reload the page.',
      });
    }
    return job.data;
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let listeners = eventListeners.get(event);
    if (!listeners) {
      listeners = new ListenerSet<unknown>();
      eventListeners.set(event, listeners);
    }
    const unsubscribe = listeners.add(listener as (payload: unknown) => void);
    stream.start();
    return unsubscribe;
  }

  return {
    host: 'web',
    call,
    uploadFile,
    // A browser never reveals where a file lives; the host only learns the name, the size and the bytes.
    pathOf: () => undefined,
    on,
    onReconnect: (listener) => reconnectListeners.add(listener),
    getConnectionStatus: () => status,
    onConnectionStatus: (listener) => statusListeners.add(listener),
    close: () => stream.stop(),
  };
}

/** `streamUploadRequestSchema` as a query string: the body is the file, so everything else travels here. */
function uploadQuery({ endpointId, warningsAccepted, deleteFirst }: UploadRequest, file: File, clientRef: string): string {
  const query = new URLSearchParams({ endpointId, name: file.name, sizeBytes: String(file.size), warningsAccepted: String(warningsAccepted), clientRef });
  if (deleteFirst) {
    query.set('deleteBackupId', deleteFirst.backupId);
    query.set('deleteConfirmation', deleteFirst.confirmation);
  }
  return query.toString();
}

/** A version 4 UUID from getRandomValues, which (unlike randomUUID) also exists outside secure contexts. */
function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
