import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { routeCall } from './call-router';
import type { Session, SimContext } from './context';
import { delay } from './faults';
import type { RequestLog } from './request-log';
import { asRpcError } from './rpc-errors';

interface RpcSocketDeps {
  ctx: SimContext;
  log: RequestLog;
}

/** Which model a WebSocket path logs in to: `/api` none (controller-only), `/` the controller model (legacy). */
function sessionFor(path: string, ctx: SimContext): Session | undefined {
  if (path === '/api') return { path, modelUuid: undefined };
  if (path === '/') return { path, modelUuid: ctx.controllerModelUuid };
  const uuid = /^\/model\/([^/]+)\/api$/.exec(path)?.[1];
  return uuid === undefined ? undefined : { path, modelUuid: uuid };
}

type Frame = Record<string, unknown>;

function parseFrame(data: RawData): Frame | undefined {
  try {
    const value: unknown = JSON.parse(data.toString());
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Frame) : undefined;
  } catch {
    return undefined;
  }
}

function serve(socket: WebSocket, session: Session, { ctx, log }: RpcSocketDeps): void {
  socket.on('message', (data, isBinary) => {
    const frame = isBinary ? undefined : parseFrame(data);
    // jsoncodec cannot decode the message: the connection ends.
    if (!frame) return socket.terminate();
    void answer(frame);
  });

  async function answer(frame: Frame): Promise<void> {
    const requestId = typeof frame['request-id'] === 'number' ? frame['request-id'] : 0;
    const call = {
      facade: typeof frame.type === 'string' ? frame.type : '',
      version: typeof frame.version === 'number' ? frame.version : 0,
      method: typeof frame.request === 'string' ? frame.request : '',
      params: frame.params && typeof frame.params === 'object' ? (frame.params as Record<string, unknown>) : {},
    };
    const entry = log.start('rpc', session.path, `${call.facade}(${call.version}).${call.method}`, call.params);
    const { faults } = ctx.switchboard;
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (ctx.switchboard.take('dropSocket')) {
      entry.outcome = 'dropped';
      return socket.terminate();
    }
    let reply: Frame;
    try {
      const response = await routeCall(ctx, session, call);
      if (faults.dropAnswerOf === `${call.facade}.${call.method}`) {
        faults.dropAnswerOf = null;
        entry.outcome = 'dropped';
        return socket.terminate();
      }
      reply = { 'request-id': requestId, response: response ?? {} };
      entry.outcome = 'ok';
    } catch (error) {
      const e = asRpcError(error);
      reply = { 'request-id': requestId, error: e.message };
      if (e.code) reply['error-code'] = e.code;
      if (e.info && ctx.profile.errorInfo) reply['error-info'] = e.info;
      entry.outcome = e.code || e.message;
    }
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
  }
}

/** The Juju RPC over WebSocket on `/api`, `/model/<uuid>/api` and `/`: one JSON object per text frame. */
export function attachRpcSockets(server: Server, deps: RpcSocketDeps) {
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'https://sim').pathname;
    const session = sessionFor(path, deps.ctx);
    if (!session) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n404 page not found\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, session, deps));
  });
  return {
    clientCount: () => wss.clients.size,
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
