import { RecentEntries } from '../common/recent-entries';

export interface OpenStackRequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The status sent, 'dropped' when the socket was destroyed, null while pending. */
  status: number | 'dropped' | null;
  /** The `OpenStack-API-Version` request header, as sent. */
  apiVersion?: string;
  hadToken: boolean;
  /** The JSON request body, with passwords and secrets replaced by '***'. */
  body?: unknown;
  at: string;
}

const SECRET_KEYS = new Set(['password', 'secret']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) && typeof v === 'string' ? '***' : redact(v)]));
}

/** The last requests the simulator saw (control API excluded), for tests and for debugging e2e runs. */
export class RequestLog extends RecentEntries<OpenStackRequestLogEntry> {
  constructor() {
    super(1_000);
  }

  start(fields: Omit<OpenStackRequestLogEntry, 'status' | 'at' | 'body'>): OpenStackRequestLogEntry {
    const entry: OpenStackRequestLogEntry = { ...fields, status: null, at: new Date().toISOString() };
    if (entry.apiVersion === undefined) delete entry.apiVersion;
    return this.add(entry);
  }

  recordBody(entry: OpenStackRequestLogEntry, body: unknown): void {
    entry.body = redact(body);
  }
}
