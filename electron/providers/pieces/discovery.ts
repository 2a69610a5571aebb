import type { Endpoint } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { HttpClient } from '../../core/http/http-client';
import type { Logger } from '../../core/log/logger';

export interface DiscoveryOptions {
  host?: string;
  /** Ports tried in order; Pieces OS takes the first free one of 39300..39333. */
  ports?: number[];
  perPortTimeoutMs?: number;
  batchSize?: number;
}

export const piecesDefaultPorts: number[] = Array.from({ length: 34 }, (_, i) => 39300 + i);

async function answersHealth(url: string, timeoutMs: number): Promise<boolean> {
  const http = new HttpClient({ baseUrl: url, timeoutMs });
  try {
    const res = await http.request({ method: 'HEAD', path: '.well-known/health' });
    await res.discard();
    return res.status === 200;
  } catch {
    return false;
  } finally {
    await http.close();
  }
}

/**
 * Finds a running Pieces OS on loopback with `HEAD /.well-known/health` (the SDK's own method),
 * a few ports at a time. The lowest answering port wins, as Pieces OS binds the lowest free one.
 */
export async function discoverPiecesOs(log: Logger, options: DiscoveryOptions = {}): Promise<string> {
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? piecesDefaultPorts;
  const batchSize = options.batchSize ?? 6;
  const timeoutMs = options.perPortTimeoutMs ?? 400;
  for (let start = 0; start < ports.length; start += batchSize) {
    const batch = ports.slice(start, start + batchSize);
    const answers = await Promise.all(batch.map((port) => answersHealth(`http://${host}:${port}`, timeoutMs)));
    const found = batch.find((_, i) => answers[i]);
    if (found !== undefined) {
      log.info('Found Pieces OS', { url: `http://${host}:${found}` });
      return `http://${host}:${found}`;
    }
  }
  const range = ports.length ? `${host}:${ports[0]}-${ports[ports.length - 1]}` : host;
  throw new AppError('unreachable', `Pieces OS is not running on this computer (nothing answered on ${range}).`, 'Start Pieces OS, or enter its URL');
}

export function resolvePiecesBaseUrl(endpoint: Endpoint, log: Logger, options?: DiscoveryOptions): Promise<string> {
  if (endpoint.url) return Promise.resolve(endpoint.url);
  return discoverPiecesOs(log, options);
}
