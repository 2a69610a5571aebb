import type { ServerResponse } from 'node:http';
import type { Server } from 'node:https';

/**
 * Answers in flight, so a certificate change can behave like a web server reload: idle keep-alive
 * connections close at once, busy ones right after their current answer. Every request after the
 * change therefore arrives on a new TLS connection and sees the new certificate.
 */
export class ResponseTracker {
  private readonly inFlight = new Set<ServerResponse>();

  constructor(private readonly server: Server) {}

  track(res: ServerResponse): void {
    this.inFlight.add(res);
    res.once('close', () => this.inFlight.delete(res));
  }

  retireConnections(): void {
    this.server.closeIdleConnections();
    for (const res of this.inFlight) {
      if (!res.headersSent) res.shouldKeepAlive = false;
      res.once('finish', () => res.socket?.destroySoon());
    }
  }
}
