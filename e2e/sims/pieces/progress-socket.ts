import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { FaultSwitchboard } from './faults';
import type { RequestLog } from './request-log';
import { delay } from './time';
import type { PiecesWorld } from './world';

export const progressPath = '/backups/streamed/progress';

function refuse(socket: Duplex, status: number, text: string): void {
  const body = Buffer.from(text);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${text}`);
}

/**
 * GET /backups/streamed/progress [WS]: one BackupsStreamedProgress JSON text frame on connect and
 * on every change. Its documented answers are only 200 and 500, so it is not behind the cloud gate.
 */
export function attachProgressSocket(server: Server, deps: { world: PiecesWorld; switchboard: FaultSwitchboard; log: RequestLog }) {
  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();

  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('error', () => undefined);
      const off = deps.world.onProgress((frame) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
      });
      ws.on('close', () => {
        off();
        clients.delete(ws);
      });
      ws.send(JSON.stringify(deps.world.progressFrame()));
    });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    const entry = deps.log.start('GET', path, true);
    void (async () => {
      if (path !== progressPath) {
        entry.status = 404;
        return refuse(socket, 404, 'Not Found');
      }
      const { switchboard } = deps;
      const affected = switchboard.appliesTo(path);
      if (affected && switchboard.faults.latencyMs > 0) await delay(switchboard.faults.latencyMs);
      if (socket.destroyed) return;
      if (affected && switchboard.take('dropConnections')) {
        entry.status = 'dropped';
        return socket.destroy();
      }
      if (affected && switchboard.take('fail5xx')) {
        entry.status = 500;
        return refuse(socket, 500, switchboard.faults.fail5xxBody);
      }
      entry.status = 101;
      accept(req, socket, head);
    })();
  });

  return {
    clientCount: () => clients.size,
    close(): void {
      for (const ws of clients) ws.terminate();
      clients.clear();
      wss.close();
    },
  };
}
