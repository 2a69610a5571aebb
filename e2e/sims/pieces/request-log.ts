import { RecentEntries } from '../common/recent-entries';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** The status sent, 101 for an accepted WebSocket, 'dropped' when the socket was destroyed, null while pending. */
  status: number | 'dropped' | null;
  websocket: boolean;
  at: string;
}

/** The last requests the simulator saw (control API excluded), for tests and for debugging e2e runs. */
export class RequestLog extends RecentEntries<RequestLogEntry> {
  constructor() {
    super(500);
  }

  start(method: string, path: string, websocket = false): RequestLogEntry {
    return this.add({ method, path, status: null, websocket, at: new Date().toISOString() });
  }
}
