import { reconnectDelayMs } from './backoff';
import type { ConnectionStatus } from './renderer-client';
import { SseParser, type SseMessage } from './sse-parser';

export interface EventStreamOptions {
  url: string;
  token: string;
  fetch: typeof fetch;
  onMessage(message: SseMessage): void;
  onStatus(status: ConnectionStatus): void;
  /** Called when the feed is open again after having been open before. */
  onReconnected(): void;
  random?: () => number;
  /**
   * Reconnect when nothing (not even the host's heartbeat comment) arrived for this long:
   * catches connections that died silently, e.g. across a laptop sleep. 0 disables.
   */
  idleTimeoutMs?: number;
}

/** The web host sends a `: ping` comment every 15 s; three missed beats means the feed is dead. */
const defaultIdleTimeoutMs = 45_000;

/** A connection that lived at least this long resets the backoff; a flapping one keeps backing off. */
const healthyConnectionMs = 5_000;

/**
 * Server-sent events over fetch (EventSource cannot send an Authorization header), with
 * reconnect and backoff. Stops for good when the host refuses the token (401/403).
 */
export class EventStream {
  private controller: AbortController | null = null;

  constructor(private readonly options: EventStreamOptions) {}

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    void this.run(this.controller.signal);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { onStatus, onReconnected } = this.options;
    let attempt = 0;
    let everOpened = false;
    while (!signal.aborted) {
      onStatus(everOpened || attempt > 0 ? 'reconnecting' : 'connecting');
      const openedAt = Date.now();
      // One controller per connection, so the idle watchdog can drop it without stopping the stream.
      const connection = new AbortController();
      const abortConnection = () => connection.abort();
      signal.addEventListener('abort', abortConnection, { once: true });
      try {
        const response = await this.options.fetch(this.options.url, {
          headers: { Authorization: `Bearer ${this.options.token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: connection.signal,
        });
        if (response.status === 401 || response.status === 403) {
          onStatus('unauthorized');
          return;
        }
        if (!response.ok || !response.body) throw new Error(`event feed answered HTTP ${response.status}`);
        onStatus('open');
        if (everOpened) onReconnected();
        everOpened = true;
        await this.read(response.body, connection);
      } catch (error) {
        if (signal.aborted) return;
        console.warn('[client] event feed interrupted', error);
      } finally {
        signal.removeEventListener('abort', abortConnection);
        connection.abort();
      }
      if (signal.aborted) return;
      attempt = Date.now() - openedAt >= healthyConnectionMs ? 0 : attempt + 1;
      onStatus('reconnecting');
      await abortableDelay(reconnectDelayMs(attempt, this.options.random), signal);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, connection: AbortController): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    const cancel = () => void reader.cancel().catch(() => {});
    connection.signal.addEventListener('abort', cancel, { once: true });
    const idleMs = this.options.idleTimeoutMs ?? defaultIdleTimeoutMs;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const armWatchdog = () => {
      if (idleMs <= 0) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        console.warn(`[client] no event or heartbeat for ${idleMs / 1000} s; reconnecting`);
        connection.abort();
      }, idleMs);
    };
    armWatchdog();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armWatchdog();
        for (const message of parser.push(decoder.decode(value, { stream: true }))) this.options.onMessage(message);
      }
    } finally {
      clearTimeout(idleTimer);
      connection.signal.removeEventListener('abort', cancel);
    }
  }
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
