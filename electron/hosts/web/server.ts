import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../../core/app-core';
import type { Logger } from '../../core/log/logger';
import { checkRequest } from './request-guard';
import { openEventStream } from './event-stream';
import { serveStatic } from './static-files';
import { handleUpload } from './upload-route';

export interface WebHostOptions {
  core: AppCore;
  log: Logger;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer). */
  staticDir?: string;
  /** Defaults to a fresh random token per launch. */
  token?: string;
}

export interface WebHost {
  port: number;
  token: string;
  /** The URL to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

const securityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, status: 413, message: 'The request body is larger than 1 MiB.' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not JSON.' };
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, log } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts: string[] = [];

  // No whole-request deadline: an upload of a multi-gigabyte backup may take hours. Headers still time out.
  const server = createServer({ requestTimeout: 0 }, (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error('web host request failed', { error });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed.' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const requestUrl = new URL(req.url ?? '/', 'http://placeholder');
    const path = requestUrl.pathname;
    const verdict = checkRequest({ method, path, headers: req.headers }, allowedHosts, token);
    if (!verdict.ok) {
      log.warn('web host refused a request', { method, path, reason: verdict.reason, remote: req.socket.remoteAddress });
      const code = verdict.status === 401 ? 'unauthorized' : 'forbidden';
      sendJson(res, verdict.status, { ok: false, error: { code, message: `Refused: ${verdict.reason}.`, hint: 'Open the URL that "npm run serve" printed.' } });
      return;
    }
    const callMatch = /^\/api\/call\/([\w.]+)$/.exec(path);
    if (callMatch && method === 'POST') {
      const body = await readJsonBody(req);
      if (!body.ok) {
        sendJson(res, body.status, { ok: false, error: { code: 'validation', message: body.message } });
        return;
      }
      sendJson(res, 200, await core.dispatch(callMatch[1], body.value));
      return;
    }
    if (path === '/api/upload' && method === 'POST') {
      await handleUpload(req, requestUrl.searchParams, core, (status, body) => sendJson(res, status, body));
      return;
    }
    if (path === '/api/events' && method === 'GET') {
      openEventStream(req, res, core, securityHeaders);
      return;
    }
    if (path.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `No API route ${method} ${path}.` } });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(res, 405, { ok: false, error: { code: 'validation', message: `${method} is not allowed here.` } });
      return;
    }
    serveStatic(options.staticDir, path, res, securityHeaders);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  log.info('web host listening', { port });
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
