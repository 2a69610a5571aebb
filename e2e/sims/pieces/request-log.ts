export interface RequestLogEntry {
  method: string;
  path: string;
  /** The status sent, 101 for an accepted WebSocket, 'dropped' when the socket was destroyed, null while pending. */
  status: number | 'dropped' | null;
  websocket: boolean;
  at: string;
}

const KEEP = 500;

/** The last requests the simulator saw (control API excluded), for tests and for debugging e2e runs. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  start(method: string, path: string, websocket = false): RequestLogEntry {
    const entry: RequestLogEntry = { method, path, status: null, websocket, at: new Date().toISOString() };
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
