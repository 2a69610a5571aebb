import type { IncomingMessage, ServerResponse } from 'node:http';

export type MalformedStyle = 'truncated' | 'wrong-shape';

export interface Responder {
  json(status: number, body: unknown): void;
  /** Pieces OS sends its errors (500/505/511, and 404 here) as text/plain strings. */
  text(status: number, body: string): void;
  empty(status: number): void;
}

/** `malformed` is asked only when a 200 JSON answer is about to go out, so counted faults are not wasted. */
export function makeResponder(res: ServerResponse, malformed: () => MalformedStyle | null): Responder {
  const send = (status: number, contentType: string | undefined, body: string) => {
    if (res.writableEnded || res.destroyed) return;
    const headers: Record<string, string | number> = { 'content-length': Buffer.byteLength(body) };
    if (contentType) headers['content-type'] = contentType;
    res.writeHead(status, headers).end(body);
  };
  return {
    json(status, body) {
      let text = JSON.stringify(body);
      const style = status === 200 ? malformed() : null;
      // Half of a JSON object is never valid JSON: it always lacks its closing brace.
      if (style === 'truncated') text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      if (style === 'wrong-shape') text = JSON.stringify({ id: 42, iterable: 'not-a-list', backup: null, created: 'yesterday' });
      send(status, 'application/json; charset=utf-8', text);
    },
    text(status, body) {
      send(status, 'text/plain; charset=utf-8', body);
    },
    empty(status) {
      send(status, undefined, '');
    },
  };
}

export type BodyResult = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'invalid' };

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { kind: 'invalid' };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}
