// Shared helpers for the HttpClient tests (a helper module, not a test file).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach } from 'vitest';
import { AppError } from '../../../shared/errors';
import { HttpClient, type HttpClientOptions } from './http-client';
import type { KeyAndCert } from './test-tls';

// ---------------------------------------------------------------------------------------------
// Real servers on 127.0.0.1, port 0. Every socket they accept is tracked so afterEach can end it.
// ---------------------------------------------------------------------------------------------

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface TestServer {
  url: string;
  port: number;
  /** Requests that reached the HTTP layer (after any TLS handshake). */
  seen: SeenRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export interface HttpTestKit {
  /** A server on 127.0.0.1 (https when `tls` is given), closed after each test. */
  startServer(handler: Handler, tls?: KeyAndCert): Promise<TestServer>;
  /** An HttpClient (5 s timeout unless given), closed after each test. */
  client(options: Partial<HttpClientOptions> & { baseUrl: string }): HttpClient;
}

/** Call at the top of a test file: registers the afterEach that closes what the returned helpers opened. */
export function useHttpTestKit(): HttpTestKit {
  const servers: TestServer[] = [];
  const clients: HttpClient[] = [];

  afterEach(async () => {
    // Servers first: that ends any request a failing test left hanging, so the clients can close.
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  return {
    startServer: async (handler, tls) => {
      const handle = await listen(handler, tls);
      servers.push(handle);
      return handle;
    },
    client: (options) => {
      const c = new HttpClient({ timeoutMs: 5_000, ...options });
      clients.push(c);
      return c;
    },
  };
}

async function listen(handler: Handler, tls?: KeyAndCert): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  };
  const server: Server = tls ? createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, onRequest) : createHttpServer(onRequest);
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A failed handshake is the expected outcome of several tests; keep it off the console.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    seen,
    connections: () => accepted,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** A port that was free a moment ago and now has nothing listening. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The AppError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  let outcome: unknown;
  try {
    await promise;
  } catch (error) {
    outcome = error;
  }
  if (outcome === undefined) throw new Error('Expected an AppError, but the promise resolved');
  if (!(outcome instanceof AppError)) throw new Error(`Expected an AppError, got ${String(outcome)}`, { cause: outcome });
  return outcome;
}

/** `promise`, or a failure naming `what` after `ms`: keeps a hang from looking like a test-runner timeout. */
export async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting until ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Answers 200 with `{"ok":true}`. */
export const okJson: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true }));
};
