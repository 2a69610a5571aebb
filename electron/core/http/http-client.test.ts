import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { HttpClient, parseWire } from './http-client';
import { appErrorOf, closedPort, deferred, okJson, useHttpTestKit, within } from './test-kit';

// Real servers on 127.0.0.1, port 0, closed after each test. TLS trust is in http-client.tls.test.ts.
const { startServer, client } = useHttpTestKit();

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

  it('streams a body chunk by chunk, and a connection cut midway surfaces as an AppError on the stream', async () => {
    const chunk = Buffer.alloc(64 * 1024, 7);
    const whole = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      for (let i = 0; i < 16; i++) res.write(chunk);
      res.end();
    });
    let bytes = 0;
    for await (const piece of (await client({ baseUrl: whole.url }).request({ path: 'file' })).stream()) bytes += (piece as Buffer).length;
    expect(bytes).toBe(16 * chunk.length);

    const cut = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(chunk, () => setTimeout(() => req.socket.destroy(), 20));
    });
    const stream = (await client({ baseUrl: cut.url }).request({ path: 'file' })).stream();
    const error = await (async () => {
      try {
        for await (const _ of stream) void _;
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AppError);
  });

  it('ends the transfer when the consumer stops reading (a failed write, a cancel)', async () => {
    let serverSawClose = false;
    const endless = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024)), 5);
      req.socket.on('close', () => {
        serverSawClose = true;
        clearInterval(timer);
      });
    });
    // A long body timeout, so only our own teardown can end the transfer within the poll.
    const stream = (await client({ baseUrl: endless.url, timeoutMs: 60_000 }).request({ path: 'file' })).stream();
    for await (const _ of stream) {
      void _;
      stream.destroy(new Error('disk full'));
      break;
    }
    await expect.poll(() => serverSawClose, { timeout: 2_000 }).toBe(true);
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
