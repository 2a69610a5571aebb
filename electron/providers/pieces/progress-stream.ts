import WebSocket from 'ws';
import type { Logger } from '../../core/log/logger';
import { backupsStreamedProgressSchema, type WireBackupsStreamedProgress } from './wire-schemas';

export interface ProgressStream {
  /** Calls `listener` with every valid frame from now on; returns the unsubscribe function. */
  onFrame(listener: (frame: WireBackupsStreamedProgress) => void): () => void;
  /** The first frame received (Pieces sends the current state on connect), or null after `waitMs`. */
  firstFrame(waitMs: number): Promise<WireBackupsStreamedProgress | null>;
  close(): void;
}

export function progressStreamUrl(baseUrl: string): string {
  const url = new URL('backups/streamed/progress', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/');
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * Subscribes to `GET /backups/streamed/progress` [WS]. Best effort: resolves null when the socket
 * cannot open, and callers then rely on polling alone. Closed for good when `signal` aborts.
 */
export function openProgressStream(baseUrl: string, log: Logger, signal: AbortSignal, options: { connectTimeoutMs?: number; caPem?: string } = {}): Promise<ProgressStream | null> {
  if (signal.aborted) return Promise.resolve(null);
  const url = progressStreamUrl(baseUrl);
  const ws = new WebSocket(url, { handshakeTimeout: options.connectTimeoutMs ?? 2_000, ca: options.caPem || undefined });
  const listeners = new Set<(frame: WireBackupsStreamedProgress) => void>();
  const firstWaiters = new Set<(frame: WireBackupsStreamedProgress | null) => void>();
  let first: WireBackupsStreamedProgress | undefined;
  const wakeFirstWaiters = (frame: WireBackupsStreamedProgress | null) => {
    for (const wake of [...firstWaiters]) wake(frame);
  };
  const close = () => {
    signal.removeEventListener('abort', close);
    listeners.clear();
    wakeFirstWaiters(null);
    if (ws.readyState !== WebSocket.CLOSED) ws.terminate();
  };
  signal.addEventListener('abort', close, { once: true });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return log.debug('Ignoring a progress frame that is not JSON');
    }
    const result = backupsStreamedProgressSchema.safeParse(parsed);
    if (!result.success) return log.debug('Ignoring a progress frame of an unknown shape');
    first ??= result.data;
    wakeFirstWaiters(result.data);
    for (const listener of [...listeners]) listener(result.data);
  });

  const stream: ProgressStream = {
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    firstFrame(waitMs) {
      if (first) return Promise.resolve(first);
      if (ws.readyState !== WebSocket.OPEN) return Promise.resolve(null);
      return new Promise((resolve) => {
        const done = (frame: WireBackupsStreamedProgress | null) => {
          clearTimeout(timer);
          firstWaiters.delete(done);
          resolve(frame);
        };
        const timer = setTimeout(() => done(null), waitMs);
        firstWaiters.add(done);
      });
    },
    close,
  };

  return new Promise((resolve) => {
    ws.once('open', () => resolve(stream));
    ws.on('error', (error) => log.debug('Progress stream unavailable; polling instead', { url, error: error.message }));
    ws.once('close', () => {
      close();
      resolve(null);
    });
  });
}
