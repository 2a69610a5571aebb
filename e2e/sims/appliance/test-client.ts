// A small undici client for the appliance tests: trusts exactly the simulator's current certificate
// under its certificate name (never verification off), and speaks the npm.backup wire.
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import type { ApplianceSim, WireBackup } from './index';
import { applianceCertName } from './pki';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body parsed as JSON (undefined when empty or not JSON). */
  json: unknown;
}

export interface CallOptions {
  token?: string | null;
  /** Raw Authorization header (overrides token). */
  authorization?: string;
  json?: unknown;
  body?: Buffer | string | Readable;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const BASE = '/api/npm.backup/1.0';

export class ApplianceTestClient {
  private agent: Agent;
  token: string | null = null;

  constructor(private readonly sim: ApplianceSim) {
    this.agent = this.newAgent();
  }

  /** Trusts the simulator's current certificate (after a factory reset or regenerateCertificate()). */
  async renewTrust(): Promise<void> {
    await this.agent.destroy();
    this.agent = this.newAgent();
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (options.authorization !== undefined) headers.Authorization = options.authorization;
    else if (token) headers.Authorization = `Bearer ${token}`;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = options.contentType ?? 'application/json';
    } else if (options.contentType) headers['Content-Type'] = options.contentType;
    const res = await request(`${this.sim.url}${path}`, { method: method as 'GET', headers, body, dispatcher: this.agent, signal: options.signal });
    const bytes = Buffer.from(await res.body.arrayBuffer());
    let json: unknown;
    try {
      json = bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body: bytes, json };
  }

  /** The npm.backup API under /api/npm.backup/1.0. */
  api(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    return this.call(method, `${BASE}${path}`, options);
  }

  /** Logs in (2.0 by default) and keeps the access token for later calls. */
  async login(version: '1.0' | '2.0' = '2.0', credentials = this.sim.credentials, generateRefresh = false): Promise<Reply> {
    const reply = await this.call('POST', `/api/mgmt.aaa/${version}/token`, {
      token: null,
      json: { user_credentials: credentials, generate_refresh_token: generateRefresh },
    });
    if (reply.status === 201) this.token = (reply.json as { access_token: string }).access_token;
    return reply;
  }

  async list(): Promise<WireBackup[]> {
    const reply = await this.api('GET', '/backups');
    if (reply.status !== 200) throw new Error(`GET /backups answered ${reply.status}: ${reply.body.toString()}`);
    return (reply.json as { items: WireBackup[] }).items;
  }

  /** Raw streaming GET of a backup file: resolves with the status, headers and body (or the error that cut it). */
  async download(id: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; error?: unknown }> {
    const res = await request(`${this.sim.url}${BASE}/backups/items/${id}/file`, {
      headers: { Authorization: `Bearer ${this.token ?? ''}` },
      dispatcher: this.agent,
    });
    const parts: Buffer[] = [];
    try {
      for await (const part of res.body) parts.push(part as Buffer);
      return { status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) };
    } catch (error) {
      return { status: res.statusCode, headers: res.headers, body: Buffer.concat(parts), error };
    }
  }

  close(): Promise<void> {
    return this.agent.destroy();
  }

  private newAgent(): Agent {
    return new Agent({ connect: { ca: this.sim.certPem, servername: applianceCertName } });
  }
}

/** The `error_id` of a Riverbed error body. */
export function errorId(json: unknown): string {
  return (json as { error_id: string }).error_id;
}

/** The code of a connection error (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, …), looking through causes. */
export function errorCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (typeof e.code === 'string') return e.code;
  return undefined;
}
