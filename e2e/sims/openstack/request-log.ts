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

const KEEP = 1_000;
const SECRET_KEYS = new Set(['password', 'secret']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) && typeof v === 'string' ? '***' : redact(v)]));
}

/** The last requests the simulator saw (control API excluded), for tests and for debugging e2e runs. */
export class RequestLog {
  private entries: OpenStackRequestLogEntry[] = [];

  start(fields: Omit<OpenStackRequestLogEntry, 'status' | 'at' | 'body'>): OpenStackRequestLogEntry {
    const entry: OpenStackRequestLogEntry = { ...fields, status: null, at: new Date().toISOString() };
    if (entry.apiVersion === undefined) delete entry.apiVersion;
    this.entries.push(entry);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
    return entry;
  }

  recordBody(entry: OpenStackRequestLogEntry, body: unknown): void {
    entry.body = redact(body);
  }

  list(): OpenStackRequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
