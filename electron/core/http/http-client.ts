import { createHash, X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { checkServerIdentity } from 'node:tls';
import { PassThrough, type Readable } from 'node:stream';
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import { networkErrorToAppError } from './network-errors';
import { readPeerCertificate } from './peer-certificate';

export interface TlsTrust {
  /** A private CA (or a self-signed leaf) to trust for this endpoint only. */
  caPem?: string;
  /**
   * SHA-256 of the leaf certificate the operator accepted, colon-separated upper-case hex. The chain
   * is still verified (against `caPem`, which then holds that certificate); the exact fingerprint
   * replaces the host-name check, as a device reached by IP rarely has its address in its certificate.
   */
  fingerprint256?: string;
  /**
   * The name the certificate must be valid for, when it is not the URL's host: Juju controllers are
   * reached by IP but their certificates name `juju-apiserver`. Still fully verified against the CA.
   */
  serverName?: string;
}

export interface HttpClientOptions {
  baseUrl: string;
  timeoutMs: number;
  tls?: TlsTrust;
  log?: Logger;
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method?: HttpMethod;
  /** Relative to the base URL (a leading slash is kept relative to the base path). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  /** A streamed body (an upload): sent as it is read, never held whole. Pair it with a long `timeoutMs` and an idle watch. */
  body?: { stream: Readable; contentType: string; length?: number };
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * May be sent once more when a pooled connection turns out closed before any answer. Default:
   * GET, HEAD and DELETE; a sign-in may say yes too (a second token does no harm). Never a streamed body.
   */
  resendable?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  url: string;
  text(): Promise<string>;
  /** Parses JSON; a body that is not JSON becomes a `bad-response` error naming the URL. */
  json(): Promise<unknown>;
  /** Releases the connection without reading the body. */
  discard(): Promise<void>;
  /** The body as a stream, for files that must never be held whole in memory. Network errors surface as AppErrors. */
  stream(): Readable;
}

export function fingerprintOf(cert: PeerCertificate | X509Certificate): string {
  const raw = cert instanceof X509Certificate ? cert.raw : cert.raw;
  return createHash('sha256').update(raw).digest('hex').toUpperCase().match(/../g)!.join(':');
}

function closedBeforeAnswer(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** One HTTP client per endpoint: its own connection pool, TLS trust and timeouts. TLS verification is always on. */
export class HttpClient {
  readonly baseUrl: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly log: Logger;
  private readonly tls: TlsTrust | undefined;

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : options.baseUrl + '/';
    this.timeoutMs = options.timeoutMs;
    this.log = options.log ?? silentLogger;
    const pin = options.tls?.fingerprint256;
    this.tls = options.tls;
    this.agent = new Agent({
      connectTimeout: Math.min(options.timeoutMs, 10_000),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: {
        ca: options.tls?.caPem || undefined,
        // With an exact certificate pinned, a leaf signed by a CA the device does not send is trusted as itself.
        ...(pin ? { allowPartialTrustChain: true } : {}),
        ...(options.tls?.serverName ? { servername: options.tls.serverName } : {}),
        checkServerIdentity: (host, cert) => {
          if (!pin) return checkServerIdentity(options.tls?.serverName ?? host, cert);
          return fingerprintOf(cert) === pin ? undefined : new Error(`Certificate fingerprint ${fingerprintOf(cert)} does not match the pinned ${pin}`);
        },
      },
    });
  }

  urlFor(path: string, query?: HttpRequest['query']): string {
    // './' keeps every path under the base: '//host/x' is not protocol-relative and 'a:b' is not a scheme.
    const url = new URL('./' + path.replace(/^\/+/, ''), this.baseUrl);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const url = this.urlFor(req.path, req.query);
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9', ...req.headers };
    let body: string | Readable | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      // Exactly this: some appliance firmware answers 415 to a `; charset=utf-8` suffix.
      headers['content-type'] = 'application/json';
    } else if (req.body) {
      body = req.body.stream;
      headers['content-type'] = req.body.contentType;
      if (req.body.length !== undefined) headers['content-length'] = String(req.body.length);
    }
    const timeout = req.timeoutMs ?? this.timeoutMs;
    const signal = req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(timeout)]) : AbortSignal.timeout(timeout);
    let res: Dispatcher.ResponseData;
    const send = () => request(url, { method, headers, body, signal, dispatcher: this.agent, headersTimeout: timeout, bodyTimeout: timeout });
    try {
      res = await send().catch((error: unknown) => {
        // A pooled keep-alive connection the server closed (it restarted, or changed its certificate)
        // fails before any answer: a request that may be resent goes once more, on a new connection.
        const resendable = !req.body && (req.resendable ?? (method === 'GET' || method === 'HEAD' || method === 'DELETE'));
        if (resendable && !signal.aborted && closedBeforeAnswer(error)) return send();
        throw error;
      });
    } catch (error) {
      throw await this.explainConnectFailure(this.translate(error, url, req.signal), url);
    }
    this.log.debug('http', { method, url, status: res.statusCode });
    const translate = (e: unknown) => this.translate(e, url, req.signal);
    return {
      status: res.statusCode,
      headers: res.headers,
      url,
      text: () => res.body.text().catch((e) => Promise.reject(translate(e))),
      json: async () => {
        const text = await res.body.text().catch((e) => Promise.reject(translate(e)));
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new AppError('bad-response', `${url} answered with a body that is not JSON.`, 'Check that the URL points at the right service; a proxy or login page may be in the way.');
        }
      },
      discard: () => res.body.dump().catch(() => undefined),
      stream: () => {
        const out = new PassThrough({ highWaterMark: 1024 * 1024 });
        res.body.on('error', (e) => out.destroy(translate(e)));
        // A consumer that stops (a failed write, a cancel) must end the transfer too, not leave it open.
        out.on('close', () => {
          if (!res.body.readableEnded) res.body.destroy();
        });
        return res.body.pipe(out);
      },
    };
  }

  /** With a pinned certificate, a TLS refusal means the device now presents another one: say so, with both fingerprints. */
  private async explainConnectFailure(error: AppError, url: string): Promise<AppError> {
    const pin = this.tls?.fingerprint256;
    if (error.code !== 'tls' || !pin) return error;
    const presented = await readPeerCertificate(url, { timeoutMs: Math.min(this.timeoutMs, 10_000), serverName: this.tls?.serverName }).catch(() => undefined);
    if (!presented) return error;
    const address = presented.address;
    if (presented.fingerprint256 === pin) {
      const now = Date.now();
      if (now > Date.parse(presented.validTo) || now < Date.parse(presented.validFrom)) {
        return new AppError('tls', `${address} presents the certificate you accepted, but it is valid only from ${presented.validFrom} to ${presented.validTo} (${presented.verificationError ?? 'outside its validity'}).`, "Renew the certificate on the device (then review and accept the new one), or correct this computer's or the device's clock.");
      }
      return new AppError('tls', `${address} presents the certificate whose fingerprint is pinned, but the certificate itself is not stored as trusted (${presented.verificationError ?? error.message}).`, "Open the endpoint's settings and use Review certificate to accept it; Backup Console then trusts exactly that certificate.");
    }
    return new AppError(
      'certificate-changed',
      `${address} now presents a different certificate (SHA-256 ${presented.fingerprint256}) from the one you accepted (${pin}). Backup Console did not connect.`,
      "A factory reset or a certificate renewal on the device changes its certificate, and so would someone intercepting the connection. Compare the new fingerprint with the one on the device's console; only if they match, review and accept it in the endpoint's settings.",
    );
  }

  private translate(error: unknown, url: string, userSignal?: AbortSignal): AppError {
    if (error instanceof AppError) return error;
    if (userSignal?.aborted) return new AppError('cancelled', 'The request was cancelled.');
    if (error instanceof undiciErrors.RequestAbortedError || (error instanceof Error && error.name === 'TimeoutError')) {
      return new AppError('timeout', `${url} did not answer in time.`, 'Check that the endpoint is up, or raise its timeout in the endpoint settings.');
    }
    return networkErrorToAppError(error, url);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** Validates a parsed body against the wire schema; a mismatch names the URL and the first bad field. */
export function parseWire<T extends z.ZodType>(schema: T, value: unknown, url: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  throw new AppError('bad-response', `${url} answered with data Backup Console does not understand${where}: ${issue?.message ?? 'invalid'}.`, 'The server may run a version this app does not support yet. The log has the details.');
}
