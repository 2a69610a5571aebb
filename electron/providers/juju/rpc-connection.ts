import { checkServerIdentity, type ConnectionOptions } from 'node:tls';
import WebSocket from 'ws';
import { AppError } from '../../../shared/errors';
import { networkErrorToAppError } from '../../core/http/network-errors';
import type { Logger } from '../../core/log/logger';
import { decodeResponse, encodeRequest, type RpcCall } from './rpc-envelope';
import { JujuRpcError } from './rpc-errors';

/** Controllers are reached by address, but their certificates name this (controller/config.go DefaultDNSNames). */
export const JUJU_SERVER_NAME = 'juju-apiserver';

export const tlsHint = "Paste the controller's CA certificate (the ca-cert `juju show-controller` prints) in the endpoint's TLS settings. Verification is never switched off.";

/** Who ended a socket: the controller or the network (`peer`), our own ping check, or our own close(). */
export type SocketCloser = 'peer' | 'ping-check' | 'local';

/** The socket went away (network, the API server restarting after a restore, or our ping check): every waiting call gets this. */
export class SocketClosedError extends AppError {
  constructor(
    url: string,
    detail?: string,
    readonly closedBy: SocketCloser = 'peer',
  ) {
    const why = closedBy === 'ping-check' ? 'closed by Backup Console: the controller stopped answering pings' : detail;
    super('unreachable', `The connection to the controller at ${url} closed${why ? ` (${why})` : ''}.`, 'Check that the controller is up and reachable, then try again.');
  }
}

export interface RpcOptions {
  caPem: string;
  log: Logger;
  connectTimeoutMs: number;
  /** Default per-call timeout; Create passes its own, much longer one. */
  callTimeoutMs: number;
  /** A WebSocket ping this often keeps idle middleboxes from dropping a socket that waits on Create; a missing pong ends it. */
  pingIntervalMs: number;
}

export interface CallOptions {
  /** null: no client-side limit (Restore, which answers only by the API server exiting). */
  timeoutMs?: number | null;
  /** Stops waiting (the controller carries on: Juju has no cancel). */
  signal?: AbortSignal;
}

export interface RpcConnection {
  readonly url: string;
  call(call: RpcCall, options?: CallOptions): Promise<unknown>;
  /** Settles when the socket is closed, for whatever reason. */
  readonly closed: Promise<void>;
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

function openSocket(url: string, o: RpcOptions): Promise<WebSocket> {
  const tls: ConnectionOptions = {
    ca: o.caPem,
    servername: JUJU_SERVER_NAME,
    checkServerIdentity: (_host, cert) => checkServerIdentity(JUJU_SERVER_NAME, cert),
  };
  // ws hands these to tls.connect; its typings declare checkServerIdentity as returning a boolean, Node's contract is Error | undefined.
  const ws = new WebSocket(url, { ...tls, handshakeTimeout: o.connectTimeoutMs, maxPayload: 64 * 1024 * 1024 } as WebSocket.ClientOptions);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      ws.terminate();
      reject(new AppError('unreachable', `${url} did not accept a WebSocket (HTTP ${res.statusCode ?? '?'}).`, 'Check the address and port (17070 by default) of the controller.'));
    });
    ws.once('error', (error) => {
      const translated = networkErrorToAppError(error, url);
      if (translated.code === 'tls') reject(new AppError('tls', `The controller at ${url} did not present a certificate signed by the configured CA for ${JUJU_SERVER_NAME} (${error.message}).`, tlsHint));
      else if (/handshake has timed out/i.test(error.message)) reject(new AppError('timeout', `${url} did not answer in time.`, 'Check that the controller is up, or raise the endpoint timeout.'));
      else reject(translated);
    });
  });
}

/** One Juju API connection: JSON-RPC frames over a verified WebSocket, answers matched by `request-id`. */
export async function openRpc(url: string, o: RpcOptions): Promise<RpcConnection> {
  const ws = await openSocket(url, o);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closedError: AppError | undefined;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  let answered = true;
  let closer: SocketCloser = 'peer';
  const heartbeat = setInterval(() => {
    if (!answered) {
      closer = 'ping-check';
      o.log.warn('Closing the socket ourselves: the controller stopped answering pings', { url, closedBy: closer });
      ws.terminate();
      return;
    }
    answered = false;
    ws.ping();
  }, o.pingIntervalMs);
  heartbeat.unref();
  ws.on('pong', () => (answered = true));

  ws.on('message', (data, isBinary) => {
    answered = true;
    const frame = isBinary ? null : decodeResponse(data.toString());
    if (!frame) return o.log.debug('Ignoring a frame that is not a Juju RPC response', { url });
    const waiter = pending.get(frame.requestId);
    if (!waiter) return o.log.debug('Ignoring an answer nobody waits for', { url, requestId: frame.requestId });
    pending.delete(frame.requestId);
    if (frame.ok) waiter.resolve(frame.response);
    else waiter.reject(new JujuRpcError(frame.error));
  });
  ws.on('error', (error) => o.log.debug('Juju socket error', { url, error: error.message }));
  ws.once('close', (code, reason) => {
    clearInterval(heartbeat);
    closedError = new SocketClosedError(url, reason.length ? reason.toString() : code === 1006 ? 'dropped' : undefined, closer);
    if (closer === 'peer' && pending.size) o.log.warn('The controller side dropped the socket while calls were waiting', { url, code, closedBy: closer, waiting: pending.size });
    for (const waiter of pending.values()) waiter.reject(closedError);
    pending.clear();
    resolveClosed();
  });

  return {
    url,
    closed,
    call(call, options = {}) {
      if (closedError) return Promise.reject(closedError);
      if (options.signal?.aborted) return Promise.reject(new AppError('cancelled', 'Stopped waiting for the controller.'));
      const id = nextId++;
      const timeoutMs = options.timeoutMs === null ? null : (options.timeoutMs ?? o.callTimeoutMs);
      return new Promise((resolve, reject) => {
        const done = () => {
          if (timer) clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          pending.delete(id);
        };
        const onAbort = () => {
          done();
          reject(new AppError('cancelled', 'Stopped waiting for the controller.'));
        };
        const timer =
          timeoutMs === null
            ? undefined
            : setTimeout(() => {
                done();
                reject(new AppError('timeout', `The controller did not answer ${call.type}.${call.request} within ${Math.round(timeoutMs / 1000)} s.`, 'Check the controller, or raise the timeout in the endpoint settings.'));
              }, timeoutMs);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (value) => {
            done();
            resolve(value);
          },
          reject: (error) => {
            done();
            reject(error);
          },
        });
        ws.send(encodeRequest(id, call), (error) => {
          if (error && pending.has(id)) pending.get(id)!.reject(new SocketClosedError(url, error.message));
        });
      });
    },
    close() {
      clearInterval(heartbeat);
      if (closer === 'peer') closer = 'local';
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000);
      setTimeout(() => ws.terminate(), 1_000).unref();
    },
  };
}
