import type { IncomingMessage } from 'node:http';
import { RecentEntries } from '../common/recent-entries';
import type { RequestLogEntry } from './types';

export function authorizationKind(header: string | undefined): RequestLogEntry['authorization'] {
  if (header === undefined) return 'none';
  return header.startsWith('Bearer ') ? 'bearer' : 'other';
}

/** The last API requests (control routes excluded). Never records a token, password or body. */
export class RequestLog extends RecentEntries<RequestLogEntry> {
  constructor() {
    super(500);
  }

  start(req: IncomingMessage, path: string): RequestLogEntry {
    const entry: RequestLogEntry = { method: req.method ?? 'GET', path, authorization: authorizationKind(req.headers.authorization), status: 0 };
    if (req.headers['content-type'] !== undefined) entry.contentType = req.headers['content-type'];
    return this.add(entry);
  }
}
