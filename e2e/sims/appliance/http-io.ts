import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidRequest, type ApiError } from './errors';

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...extraHeaders }).end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Length': 0 }).end();
}

export function sendError(res: ServerResponse, error: ApiError, extraHeaders: Record<string, string> = {}): void {
  const headers = error.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="appliance"', ...extraHeaders } : extraHeaders;
  sendJson(res, error.status, error.body, headers);
}

/** The media type of the request body, lower-case, without parameters ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** True when the request still has body bytes to come. */
export function hasPendingBody(req: IncomingMessage): boolean {
  if (req.readableEnded || req.complete) return false;
  const length = req.headers['content-length'];
  return length === undefined ? req.headers['transfer-encoding'] !== undefined : Number(length) > 0;
}

/** What a refused body may cost before the simulator gives up reading it and closes the connection. */
export const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

/** Reads and throws away the rest of the body, up to `limit` bytes. True when it all arrived. */
export function discardBody(req: IncomingMessage, limit = DISCARD_LIMIT_BYTES): Promise<boolean> {
  if (!hasPendingBody(req)) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (all: boolean) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onError);
      if (!all) req.pause();
      resolve(all);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onError);
    req.resume();
  });
}

/**
 * Answers an error to a request whose body may still be arriving (uploads): a small body is read and
 * discarded first so the client sees a clean answer on a reusable connection; past DISCARD_LIMIT_BYTES
 * the answer goes out with `Connection: close` and the socket is closed once it is flushed.
 */
export async function refuseBody(req: IncomingMessage, res: ServerResponse, error: ApiError): Promise<void> {
  const drained = await discardBody(req);
  if (res.destroyed) return;
  if (drained) return sendError(res, error);
  sendError(res, error, { Connection: 'close' });
  res.once('finish', () => res.socket?.destroySoon());
}

const MAX_JSON_BYTES = 64 * 1024;

export type JsonBody = { kind: 'none' } | { kind: 'json'; value: unknown };

/** Reads a small JSON body; malformed or oversized JSON is a 400 INVALID_REQUEST. */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  const parts: Buffer[] = [];
  let size = 0;
  // Reads to the end even when too large (throwing inside `for await` would destroy the socket before the 400).
  for await (const part of req as AsyncIterable<Buffer>) {
    size += part.length;
    if (size <= MAX_JSON_BYTES) parts.push(part);
  }
  if (size > MAX_JSON_BYTES) throw invalidRequest(`Request body larger than ${MAX_JSON_BYTES} bytes`);
  const text = Buffer.concat(parts).toString('utf8').trim();
  if (!text) return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    throw invalidRequest(`Malformed JSON in request body: ${(error as Error).message}`);
  }
}
