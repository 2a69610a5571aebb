import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppCore } from '../../core/app-core';

const HEARTBEAT_MS = 15_000;

/** Server-sent events: one `event:`/`data:` message per core event, plus a heartbeat comment. */
export function openEventStream(req: IncomingMessage, res: ServerResponse, core: AppCore, headers: Record<string, string>): void {
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write('retry: 2000\n: connected\n\n');
  const unsubscribe = core.onEvent((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
