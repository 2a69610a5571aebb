import { RecentEntries } from '../common/recent-entries';

export interface RpcLogEntry {
  /** 'rpc' for a WebSocket call, 'http' for an HTTPS request (archive downloads). */
  kind: 'rpc' | 'http';
  /** The WebSocket path (`/api`, `/model/<uuid>/api`) or the HTTPS path. */
  path: string;
  /** RPC: `Facade(version).Method`; HTTP: the method. */
  call: string;
  /** RPC params with `credentials` replaced by `***`; never the password. */
  params?: unknown;
  /** 'ok', the error code or message, 'dropped', the HTTP status, or null while pending. */
  outcome: string | number | null;
  at: string;
}

function redact(params: unknown): unknown {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return params;
  const copy: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  if ('credentials' in copy) copy.credentials = '***';
  return copy;
}

/** The last calls the simulator saw, for tests and for debugging e2e runs. */
export class RequestLog extends RecentEntries<RpcLogEntry> {
  constructor() {
    super(1_000);
  }

  start(kind: RpcLogEntry['kind'], path: string, call: string, params?: unknown): RpcLogEntry {
    const entry: RpcLogEntry = { kind, path, call, outcome: null, at: new Date().toISOString() };
    if (params !== undefined) entry.params = redact(params);
    return this.add(entry);
  }
}
