// Test helper (not a test file): a front server that forwards every request to the OpenStack
// simulator, optionally over TLS and with the Keystone token answers rewritten. It models what sits
// in front of real clouds: a TLS-terminating proxy whose catalog still lists the internal http
// addresses, services on other hosts, a Keystone whose clock differs from the workstation's.
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { KeyAndCert } from '../../core/http/test-tls';

export interface SimFrontOptions {
  /** Where the simulator listens (`sim.url`). */
  target: string;
  /** Serve https with this certificate; plain http without. */
  tls?: KeyAndCert;
  /** Host name for `url` (the certificate must name it). Default 127.0.0.1. */
  hostName?: string;
  /** Rewrites the JSON text of POST …/auth/tokens answers (the token body with its catalog). */
  rewriteTokenBody?: (body: string) => string;
}

export interface SimFront {
  url: string;
  close(): Promise<void>;
}

function forward(o: SimFrontOptions, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const target = new URL(o.target);
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let text = Buffer.concat(chunks);
        const isTokenAnswer = req.method === 'POST' && /\/auth\/tokens\/?$/.test(new URL(req.url ?? '/', 'http://x').pathname);
        if (isTokenAnswer && o.rewriteTokenBody) text = Buffer.from(o.rewriteTokenBody(text.toString('utf8')));
        const headers = { ...answer.headers, 'content-length': String(text.length) };
        delete headers['transfer-encoding'];
        res.writeHead(answer.statusCode ?? 502, headers).end(text);
      });
    },
  );
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}

/** Starts a front on a free port of 127.0.0.1 (reachable as `hostName`). */
export async function startSimFront(o: SimFrontOptions): Promise<SimFront> {
  const sockets = new Set<Socket>();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(o, req, res, Buffer.concat(chunks)));
  };
  const server: Server = o.tls ? createHttpsServer({ key: o.tls.keyPem, cert: o.tls.certPem }, onRequest) : createHttpServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A refused handshake is what some tests expect; keep it off the console.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${o.tls ? 'https' : 'http'}://${o.hostName ?? '127.0.0.1'}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Shifts the token's `issued_at` and `expires_at` by `shiftMs`: a Keystone whose clock differs from ours. */
export function shiftTokenTimes(shiftMs: number): (body: string) => string {
  return (body) => {
    const parsed = JSON.parse(body) as { token?: Record<string, unknown> };
    for (const key of ['issued_at', 'expires_at']) {
      const value = parsed.token?.[key];
      if (typeof value === 'string') parsed.token![key] = new Date(Date.parse(value) + shiftMs).toISOString();
    }
    return JSON.stringify(parsed);
  };
}
