import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { fingerprintOf, HttpClient, parseWire, type HttpClientOptions } from './http-client';
import { makeTestPki, type KeyAndCert, type TestPki } from './test-tls';

// ---------------------------------------------------------------------------------------------
// Real servers on 127.0.0.1, port 0. Every socket they accept is tracked so afterEach can end it.
// ---------------------------------------------------------------------------------------------

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestServer {
  url: string;
  port: number;
  /** Requests that reached the HTTP layer (after any TLS handshake). */
  seen: SeenRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

const servers: TestServer[] = [];
const clients: HttpClient[] = [];

afterEach(async () => {
  // Servers first: that ends any request a failing test left hanging, so the clients can close.
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

async function startServer(handler: Handler, tls?: KeyAndCert): Promise<TestServer> {
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
  const handle: TestServer = {
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
  servers.push(handle);
  return handle;
}

function client(options: Partial<HttpClientOptions> & { baseUrl: string }): HttpClient {
  const c = new HttpClient({ timeoutMs: 5_000, ...options });
  clients.push(c);
  return c;
}

/** A port that was free a moment ago and now has nothing listening. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The AppError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
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
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
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

function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const okJson: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true }));
};

// ---------------------------------------------------------------------------------------------

describe('HttpClient over plain http', () => {
  it('sends method, query and JSON body under the base path, and parses the JSON answer', async () => {
    const server = await startServer((req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-trace': 'abc' });
      res.end(JSON.stringify({ echoed: JSON.parse(body) as unknown, method: req.method }));
    });
    const http = client({ baseUrl: `${server.url}/api/v1` });

    const res = await http.request({
      method: 'POST',
      path: '/backups',
      query: { q: 'a b&c', n: 2, full: true, skipped: undefined },
      json: { name: 'nightly', tags: ['db', 'é'] },
      headers: { 'x-client': 'test' },
    });

    expect(res.status).toBe(201);
    expect(res.headers['x-trace']).toBe('abc');
    expect(res.url).toBe(`${server.url}/api/v1/backups?q=a+b%26c&n=2&full=true`);
    expect(await res.json()).toEqual({ echoed: { name: 'nightly', tags: ['db', 'é'] }, method: 'POST' });

    expect(server.seen).toHaveLength(1);
    const [seen] = server.seen;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/api/v1/backups?q=a+b%26c&n=2&full=true');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.accept).toContain('application/json');
    expect(seen.headers['x-client']).toBe('test');
    expect(JSON.parse(seen.body)).toEqual({ name: 'nightly', tags: ['db', 'é'] });
  });

  it('sends no body and no content-type when there is no json', async () => {
    const server = await startServer((_req, res) => res.end('pong'));
    const http = client({ baseUrl: server.url });
    const res = await http.request({ path: 'ping' });
    expect(await res.text()).toBe('pong');
    expect(server.seen[0].method).toBe('GET');
    expect(server.seen[0].body).toBe('');
    expect(server.seen[0].headers['content-type']).toBeUndefined();
  });

  it('turns a body that is not JSON into bad-response naming the URL', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Please log in</body></html>');
    });
    const http = client({ baseUrl: server.url });
    const res = await http.request({ path: 'backups', query: { page: 2 } });
    expect(res.status).toBe(200);
    const error = await appErrorOf(res.json());
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain(`${server.url}/backups?page=2`);
    expect(error.hint).toBeTruthy();
  });

  it('parseWire returns the parsed data, and a mismatch becomes bad-response naming the URL and the bad field path', async () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string(), sizeBytes: z.number() })) });
    const server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const good = req.url === '/good';
      res.end(JSON.stringify({ items: [{ id: 'a', sizeBytes: 1 }, { id: 'b', sizeBytes: good ? 2 : 'big' }] }));
    });
    const http = client({ baseUrl: server.url });

    const good = await http.request({ path: 'good' });
    expect(parseWire(schema, await good.json(), good.url)).toEqual({ items: [{ id: 'a', sizeBytes: 1 }, { id: 'b', sizeBytes: 2 }] });

    const bad = await http.request({ path: 'bad' });
    const body = await bad.json();
    let error: unknown;
    try {
      parseWire(schema, body, bad.url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad-response');
    expect((error as AppError).message).toContain(`${server.url}/bad`);
    expect((error as AppError).message).toContain('"items.1.sizeBytes"');
  });
});

describe('HttpClient.urlFor', () => {
  it('keeps the base path whether or not the base URL ends with a slash', () => {
    expect(new HttpClient({ baseUrl: 'http://h/api/v1', timeoutMs: 1000 }).urlFor('/backups')).toBe('http://h/api/v1/backups');
    expect(new HttpClient({ baseUrl: 'http://h/api/v1/', timeoutMs: 1000 }).urlFor('/backups')).toBe('http://h/api/v1/backups');
    expect(new HttpClient({ baseUrl: 'http://h/api/v1', timeoutMs: 1000 }).urlFor('backups/x/restore')).toBe('http://h/api/v1/backups/x/restore');
    expect(new HttpClient({ baseUrl: 'http://h:8080', timeoutMs: 1000 }).urlFor('/backups')).toBe('http://h:8080/backups');
  });

  it('encodes the query and leaves out undefined values', () => {
    const http = new HttpClient({ baseUrl: 'http://h/api', timeoutMs: 1000 });
    expect(http.urlFor('b', { a: 'x y', b: undefined, c: false, d: 0, e: '&=/' })).toBe('http://h/api/b?a=x+y&c=false&d=0&e=%26%3D%2F');
  });

  it('never lets a path leave the base path or the endpoint (doubled leading slashes, scheme-like first segments)', () => {
    const http = new HttpClient({ baseUrl: 'https://backup.example/api/v1', timeoutMs: 1000 });
    // "A leading slash is kept relative to the base path" must hold for any number of them.
    expect(http.urlFor('//backups')).toBe('https://backup.example/api/v1/backups');
    expect(new URL(http.urlFor('//evil.example/steal')).host).toBe('backup.example');
    // A first segment with a colon (an id such as "snap:1") is a path, not a URL scheme.
    expect(http.urlFor('snap:1/restore')).toBe('https://backup.example/api/v1/snap:1/restore');
    expect(new URL(http.urlFor('https://evil.example/x')).host).toBe('backup.example');
  });
});

describe('HttpClient failures', () => {
  it('times out with code timeout when the server never answers', async () => {
    const arrived = deferred();
    const server = await startServer(() => arrived.resolve()); // never responds
    const http = client({ baseUrl: server.url, timeoutMs: 300 });
    const started = Date.now();
    const error = await appErrorOf(http.request({ path: 'slow' }));
    const elapsed = Date.now() - started;
    await arrived.promise; // the request did reach the server: this is a timeout, not a connect failure
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(`${server.url}/slow`);
    expect(error.hint).toMatch(/timeout/i);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(4_000);
  });

  it('honours a per-request timeoutMs shorter than the client default', async () => {
    const server = await startServer(() => undefined); // never responds
    const http = client({ baseUrl: server.url, timeoutMs: 15_000 });
    const started = Date.now();
    const error = await appErrorOf(http.request({ path: 'slow', timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('times out reading a body (text()) that stalls after the headers', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"items": [');
    });
    const http = client({ baseUrl: server.url, timeoutMs: 400 });
    const res = await http.request({ path: 'stall' });
    expect(res.status).toBe(200);
    const error = await appErrorOf(res.text());
    expect(error.code).toBe('timeout');
  });

  it('reports a refused connection as unreachable with a hint', async () => {
    const port = await closedPort();
    const http = client({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await appErrorOf(http.request({ path: 'backups' }));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`http://127.0.0.1:${port}/backups`);
    expect(error.hint).toMatch(/running/i);
  });

  it('reports a user abort mid-request as cancelled, promptly, and drops the connection', async () => {
    const arrived = deferred<IncomingMessage>();
    const server = await startServer((req) => arrived.resolve(req)); // never responds
    const http = client({ baseUrl: server.url, timeoutMs: 15_000 });
    const controller = new AbortController();
    const pending = http.request({ path: 'long', signal: controller.signal });
    const req = await arrived.promise;
    const serverSawClose = new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    const started = Date.now();
    controller.abort();
    const error = await appErrorOf(pending);
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
    await within(2_000, serverSawClose, 'the server saw the cancelled request\'s connection close');
  });

  it('reports a user abort while reading the body as cancelled', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"items": [');
    });
    const http = client({ baseUrl: server.url, timeoutMs: 15_000 });
    const controller = new AbortController();
    const res = await http.request({ path: 'long', signal: controller.signal });
    const reading = res.json();
    controller.abort();
    const error = await appErrorOf(reading);
    expect(error.code).toBe('cancelled');
  });

  it('reports an already-aborted signal as cancelled without contacting the server', async () => {
    const server = await startServer(okJson);
    const http = client({ baseUrl: server.url });
    const error = await appErrorOf(http.request({ path: 'x', signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
    expect(server.seen).toHaveLength(0);
  });

  it('reports a socket reset before any answer as unreachable', async () => {
    const server = await startServer((req) => req.socket.resetAndDestroy());
    const http = client({ baseUrl: server.url });
    const error = await appErrorOf(http.request({ path: 'reset' }));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`${server.url}/reset`);
  });

  it('reports a socket reset in the middle of the body as unreachable', async () => {
    let serverSocket: Socket | undefined;
    const server = await startServer((req, res) => {
      serverSocket = req.socket;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"items": [1, 2, ');
    });
    const http = client({ baseUrl: server.url });
    const res = await http.request({ path: 'half' }); // headers are in: the reset is mid-response
    expect(res.status).toBe(200);
    expect(serverSocket).toBeDefined();
    serverSocket!.resetAndDestroy();
    const error = await appErrorOf(res.json());
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`${server.url}/half`);
  });
});

describe('HttpClient.discard', () => {
  it('releases the connection: many sequential discarded responses finish over a bounded set of keep-alive connections', async () => {
    // Under undici's 128 KiB dump limit, so discard drains the body and keeps the socket alive.
    const payload = 'x'.repeat(100 * 1024);
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(payload.length) });
      res.end(payload);
    });
    const http = client({ baseUrl: server.url, timeoutMs: 2_000 });
    for (let i = 0; i < 25; i++) {
      const res = await http.request({ path: 'blob', query: { i } });
      expect(res.status).toBe(200);
      await res.discard();
    }
    expect(server.seen).toHaveLength(25);
    // undici's pool may open a second socket while the first finishes its bookkeeping, then alternates between
    // the two; a discard that closed or held the connection would need one per request (25).
    expect(server.connections()).toBeLessThanOrEqual(2);
  }, 10_000);

  it('cuts off a large body instead of downloading it, and the client keeps working', async () => {
    const chunk = 'y'.repeat(64 * 1024);
    const closed: Promise<void>[] = [];
    const server = await startServer((req, res) => {
      if (req.url === '/small') return okJson(req, res, '');
      closed.push(new Promise((resolve) => res.once('close', () => resolve())));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(chunk.length * 1024) });
      // 64 MiB offered; only written as fast as the client reads.
      let left = 1024;
      const pump = () => {
        while (left > 0 && res.write(chunk)) left--;
        if (left > 0) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    const http = client({ baseUrl: server.url, timeoutMs: 5_000 });
    for (let i = 0; i < 5; i++) {
      const res = await http.request({ path: 'huge' });
      await res.discard();
    }
    // Every huge response was torn down server-side; a discard that left the body unread would keep them open.
    await within(3_000, Promise.all(closed), 'the server saw every discarded response closed');
    expect(closed).toHaveLength(5);
    const after = await http.request({ path: 'small' });
    expect(await after.json()).toEqual({ ok: true });
  }, 10_000);
});

// ---------------------------------------------------------------------------------------------
// TLS. Verification is never switched off: trust is only ever added through tls.caPem / pinned.
// ---------------------------------------------------------------------------------------------

describe('HttpClient TLS trust', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki();
  });
  afterAll(() => pki?.cleanup());

  const serverFingerprint = () => fingerprintOf(new X509Certificate(pki.server.certPem));

  it('fingerprintOf matches X509Certificate.fingerprint256 (the format users paste)', () => {
    const cert = new X509Certificate(pki.server.certPem);
    expect(fingerprintOf(cert)).toBe(cert.fingerprint256);
    expect(fingerprintOf(cert)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('rejects a server whose CA is not trusted with code tls and a CA/fingerprint hint, before sending the request', async () => {
    const server = await startServer(okJson, pki.server);
    const http = client({ baseUrl: server.url });
    const error = await appErrorOf(http.request({ path: 'backups' }));
    expect(error.code).toBe('tls');
    expect(error.message).toContain(`${server.url}/backups`);
    expect(error.hint).toMatch(/CA certificate/);
    expect(error.hint).toMatch(/fingerprint/);
    expect(server.seen).toHaveLength(0);
  });

  it('trusts the same server once its CA is given in tls.caPem', async () => {
    const server = await startServer(okJson, pki.server);
    const http = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem } });
    const res = await http.request({ path: 'backups' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('also works through the DNS name in the certificate (localhost)', async () => {
    const server = await startServer(okJson, pki.server);
    const http = client({ baseUrl: `https://localhost:${server.port}`, tls: { caPem: pki.ca.certPem } });
    const res = await http.request({ path: 'x' });
    expect(await res.json()).toEqual({ ok: true });
  });

  it('succeeds with the CA plus the right leaf fingerprint pinned', async () => {
    const server = await startServer(okJson, pki.server);
    const pin = serverFingerprint();
    expect(pin).toBe(new X509Certificate(pki.server.certPem).fingerprint256);
    const http = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: pin } });
    const res = await http.request({ path: 'backups' });
    expect(await res.json()).toEqual({ ok: true });
  });

  it('fails with code tls when the pinned fingerprint is wrong (here: the CA\'s instead of the leaf\'s), before sending the request', async () => {
    const server = await startServer(okJson, pki.server);
    const wrongPin = new X509Certificate(pki.ca.certPem).fingerprint256;
    const http = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: wrongPin } });
    const error = await appErrorOf(http.request({ path: 'backups' }));
    expect(error.code).toBe('tls');
    expect(error.message).toMatch(/fingerprint/i);
    expect(server.seen).toHaveLength(0);
  });

  it('keeps checking the host name: a CA-signed certificate for another name fails with tls, even with its fingerprint pinned', async () => {
    const server = await startServer(okJson, pki.wrongHost);
    const trusted = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem } });
    expect((await appErrorOf(trusted.request({ path: 'x' }))).code).toBe('tls');
    const pinned = client({
      baseUrl: server.url,
      tls: { caPem: pki.ca.certPem, fingerprint256: new X509Certificate(pki.wrongHost.certPem).fingerprint256 },
    });
    expect((await appErrorOf(pinned.request({ path: 'x' }))).code).toBe('tls');
    expect(server.seen).toHaveLength(0);
  });

  it('self-signed server: untrusted fails with tls; its own certificate as caPem works (with or without its pin)', async () => {
    const server = await startServer(okJson, pki.selfSigned);
    const fingerprint = new X509Certificate(pki.selfSigned.certPem).fingerprint256;

    const untrusted = client({ baseUrl: server.url });
    expect((await appErrorOf(untrusted.request({ path: 'x' }))).code).toBe('tls');

    const trusted = client({ baseUrl: server.url, tls: { caPem: pki.selfSigned.certPem } });
    expect(await (await trusted.request({ path: 'x' })).json()).toEqual({ ok: true });

    const trustedAndPinned = client({ baseUrl: server.url, tls: { caPem: pki.selfSigned.certPem, fingerprint256: fingerprint } });
    expect(await (await trustedAndPinned.request({ path: 'x' })).json()).toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
  });

  it('a pin adds to verification and never replaces it: a pin alone does not make a self-signed server trusted', async () => {
    const server = await startServer(okJson, pki.selfSigned);
    const pinOnly = client({ baseUrl: server.url, tls: { fingerprint256: new X509Certificate(pki.selfSigned.certPem).fingerprint256 } });
    const error = await appErrorOf(pinOnly.request({ path: 'x' }));
    expect(error.code).toBe('tls');
    expect(server.seen).toHaveLength(0);
  });

  it('keeps trust per endpoint: clients with and without the CA, in the same process, against the same server', async () => {
    const server = await startServer(okJson, pki.server);
    const withCa = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem } });
    const withoutCa = client({ baseUrl: server.url });
    const wronglyPinned = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: new X509Certificate(pki.ca.certPem).fingerprint256 } });

    // Trusted first, then untrusted: the CA (and the warm TLS session) must not carry over.
    expect(await (await withCa.request({ path: 'a' })).json()).toEqual({ ok: true });
    expect((await appErrorOf(withoutCa.request({ path: 'b' }))).code).toBe('tls');

    // Interleaved, concurrently: each keeps its own verdict.
    const outcomes = await Promise.allSettled([
      withoutCa.request({ path: 'c' }),
      withCa.request({ path: 'd' }).then((r) => r.json()),
      wronglyPinned.request({ path: 'e' }),
      withCa.request({ path: 'f' }).then((r) => r.json()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'tls' });
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'tls' });

    // Untrusted after trusted still fails, and the trusted one still works afterwards.
    expect((await appErrorOf(withoutCa.request({ path: 'g' }))).code).toBe('tls');
    expect(await (await withCa.request({ path: 'h' })).json()).toEqual({ ok: true });
    expect(server.seen.map((s) => s.url).sort()).toEqual(['/a', '/d', '/f', '/h']);
  });

  it('leaks no trust into the process-wide defaults (node:https global agent, undici global dispatcher)', async () => {
    const server = await startServer(okJson, pki.server);
    const withCa = client({ baseUrl: server.url, tls: { caPem: pki.ca.certPem, fingerprint256: serverFingerprint() } });
    expect(await (await withCa.request({ path: 'trusted' })).json()).toEqual({ ok: true });

    const viaHttps = await new Promise<Error | undefined>((resolve) => {
      const req = httpsRequest(`${server.url}/global-https`, (res) => {
        res.resume();
        resolve(undefined);
      });
      req.on('error', resolve);
      req.end();
    });
    expect(viaHttps).toBeInstanceOf(Error);
    expect((viaHttps as NodeJS.ErrnoException).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');

    await expect(undiciRequest(`${server.url}/global-undici`)).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(server.seen.map((s) => s.url)).toEqual(['/trusted']);
  });
});
