import type { IncomingMessage } from 'node:http';
import type { RequestLogEntry } from './types';

const KEEP = 500;

export function authorizationKind(header: string | undefined): RequestLogEntry['authorization'] {
  if (header === undefined) return 'none';
  return header.startsWith('Bearer ') ? 'bearer' : 'other';
}

/** The last API requests (control routes excluded). Never records a token, password or body. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  start(req: IncomingMessage, path: string): RequestLogEntry {
    const entry: RequestLogEntry = { method: req.method ?? 'GET', path, authorization: authorizationKind(req.headers.authorization), status: 0 };
    if (req.headers['content-type'] !== undefined) entry.contentType = req.headers['content-type'];
    this.entries.push(entry);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
