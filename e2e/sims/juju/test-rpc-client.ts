import { request } from 'node:https';
import WebSocket from 'ws';
import type { JujuSim } from './index';

/** A response frame as Juju sends it. */
export interface RpcReply {
  'request-id': number;
  response?: Record<string, unknown>;
  error?: string;
  'error-code'?: string;
  'error-info'?: Record<string, unknown>;
}

export interface RawRpcClient {
  call(type: string, version: number, method: string, params?: unknown): Promise<RpcReply>;
  /** Admin.Login v3 for `user` (tag `user-<name>`) with the client version (default: the simulator's). */
  login(username: string, password: string, clientVersion?: string): Promise<RpcReply>;
  /** Resolves when the socket closes (the server dropped it or close() was called). */
  closed: Promise<void>;
  close(): void;
}

/** A minimal Juju RPC client for the simulator tests: one JSON frame per call, replies matched by request-id. */
export async function connectRpc(sim: JujuSim, path: string, options: { ca?: string | null } = {}): Promise<RawRpcClient> {
  const ca = options.ca === null ? undefined : (options.ca ?? sim.caPem);
  // ws hands `servername` on to tls.connect; its typings just do not list it.
  const tlsOptions = { ca, servername: 'juju-apiserver' };
  const socket = new WebSocket(`${sim.url}${path}`, tlsOptions);
  const pending = new Map<number, (reply: RpcReply) => void>();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('message', (data) => {
    const reply = JSON.parse(data.toString()) as RpcReply;
    pending.get(reply['request-id'])?.(reply);
    pending.delete(reply['request-id']);
  });
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let counter = 0;
  const call = (type: string, version: number, method: string, params: unknown = {}) =>
    new Promise<RpcReply>((resolve, reject) => {
      counter += 1;
      pending.set(counter, resolve);
      socket.send(JSON.stringify({ 'request-id': counter, type, version, request: method, params }));
      void closed.then(() => reject(new Error(`socket closed before ${type}.${method} answered`)));
    });
  return {
    call,
    login: (username, password, clientVersion = sim.version) =>
      call('Admin', 3, 'Login', { 'auth-tag': `user-${username}`, credentials: password, nonce: '', macaroons: [], 'user-data': '', 'client-version': clientVersion }),
    closed,
    close: () => socket.close(),
  };
}

export interface DownloadResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** True when the server cut the stream before its end. */
  aborted: boolean;
}

/** GET /model/<uuid>/backups with a JSON body, as the Juju client does (fetch() cannot send a GET body). */
export function downloadBackup(
  sim: JujuSim,
  id: string,
  options: { auth?: string | null; contentType?: string; method?: string; modelUuid?: string } = {},
): Promise<DownloadResult> {
  const { admin } = sim.credentials;
  const auth = options.auth === undefined ? `user-${admin.username}:${admin.password}` : options.auth;
  const body = JSON.stringify({ id });
  // Node sends a GET body without a length unless told; Go's client sends Content-Length.
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/json', 'Content-Length': String(Buffer.byteLength(body)) };
  if (auth !== null) headers.Authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const req = request(
      `https://${sim.address}/model/${options.modelUuid ?? sim.controllerModelUuid}/backups`,
      { method: options.method ?? 'GET', headers, ca: sim.caPem, servername: 'juju-apiserver' },
      (res) => {
        const parts: Buffer[] = [];
        let aborted = false;
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('aborted', () => (aborted = true));
        res.on('error', () => (aborted = true));
        res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts), aborted: aborted || !res.complete }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
