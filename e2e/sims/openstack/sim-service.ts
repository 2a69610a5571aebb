import type { IncomingHttpHeaders } from 'node:http';

/**
 * The contract between the OpenStack simulator's shared server (Keystone, routing, token checks,
 * control API) and each simulated service (Cinder, Trove). Keeping services behind this interface
 * lets them live in their own folders.
 */

/** A Keystone token as the services see it after keystonemiddleware validated it. */
export interface SimToken {
  id: string;
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  /** Role names, e.g. ['admin', 'member', 'reader']. */
  roles: string[];
  /** Epoch ms. */
  expiresAt: number;
}

export type SimBody = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'invalid' };

export interface SimRequest {
  method: string;
  /** The path below the service prefix, e.g. '/v3/<project_id>/backups/detail' for Cinder. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The validated token; undefined only on unauthenticated paths (version documents). */
  token: SimToken | undefined;
  body(): Promise<SimBody>;
  /** The public URL of this service's root (e.g. http://127.0.0.1:PORT/volume), for links and hrefs. */
  serviceUrl: string;
}

export interface SimResponder {
  json(status: number, body: unknown, headers?: Record<string, string>): void;
  empty(status: number, headers?: Record<string, string>): void;
  /** An OpenStack fault body `{"<name>": {"code", "message"}}`; the service passes the name its real server uses. */
  fault(status: number, name: string, message: string, headers?: Record<string, string>): void;
}

export interface SimServiceEnv {
  /** Multiplies simulated durations (1 = realistic seconds, 0.05 = tests). */
  timeScale(): number;
  /** Seeded random in [0, 1). */
  random(): number;
  now(): number;
}

export interface SimService {
  /** Path prefix on the shared server: '/volume' (Cinder) or '/database' (Trove). */
  readonly prefix: string;
  /** Paths (below the prefix) that need no token: the version documents. */
  isPublic(method: string, path: string): boolean;
  handle(req: SimRequest, res: SimResponder): Promise<void>;
  /** Control API below `/__sim/<name>/...` for tests and demos (seed data, faults, state). */
  control(method: string, path: string, body: unknown): { status: number; body: unknown } | undefined;
  /** Back to the seeded data with every fault off. */
  reset(): void;
  /** Stops timers. */
  close(): void;
}
