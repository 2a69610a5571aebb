import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay } from '../pieces/time';
import { handleControl, type ControlTarget } from './control-routes';
import type { FaultSwitchboard } from './faults';
import { keystoneError, makeResponder, readJsonBody, UNAUTHORIZED_MESSAGE } from './http-io';
import { requestId } from './ids';
import { handleKeystone } from './keystone/routes';
import { toSimToken, type TokenStore } from './keystone/tokens';
import type { RequestLog } from './request-log';
import type { SimBody, SimService } from './sim-service';

export interface ServerDeps {
  baseUrl(): string;
  switchboard: FaultSwitchboard;
  log: RequestLog;
  tokens: TokenStore;
  tokenTtlSeconds(): number;
  services: SimService[];
  control: ControlTarget;
}

/** What each service's own server answers on an unexpected failure. */
const serverErrors: Record<string, { name: string; message: () => string }> = {
  '/volume': { name: 'computeFault', message: () => 'The server has either erred or is incapable of performing the requested operation.' },
  '/database': { name: 'instanceFault', message: () => `Internal Server Error. Please keep this ID to help us figure out what went wrong: (${requestId()}).` },
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Devstack layout on one port: /identity (Keystone), /volume and /internal/volume (Cinder), /database and /internal/database (Trove). */
export function createRequestHandler(deps: ServerDeps) {
  const mounts = deps.services.flatMap((service) => [
    { mount: service.prefix, service },
    { mount: `/internal${service.prefix}`, service },
  ]);

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = decodeURIComponent(url.pathname);
    const bodyPromise: Promise<SimBody> = BODY_METHODS.has(method) ? readJsonBody(req) : Promise.resolve({ kind: 'none' });
    const body = () => bodyPromise;
    const respond = makeResponder(res, requestId());

    if (path.startsWith('/__sim/') || path === '/__sim') {
      const raw = await body();
      return handleControl(method, path, raw.kind === 'json' ? raw.value : undefined, respond, deps.control);
    }

    const entry = deps.log.start({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      apiVersion: firstHeader(req, 'openstack-api-version'),
      hadToken: firstHeader(req, 'x-auth-token') !== undefined,
    });
    res.on('finish', () => (entry.status = res.statusCode));
    // A body cut off midway (a dropped connection, a client that gave up) rejects: nothing to record then.
    void bodyPromise.then((raw) => raw.kind === 'json' && deps.log.recordBody(entry, raw.value), () => undefined);

    const faulted = deps.switchboard.appliesTo(path);
    const faults = deps.switchboard.faults;
    if (faulted && faults.latencyMs > 0) await delay(faults.latencyMs);
    if (res.destroyed) return;
    if (faulted && deps.switchboard.take('dropConnections')) {
      entry.status = 'dropped';
      return void req.socket.destroy();
    }

    if (path === '/identity' || path.startsWith('/identity/')) {
      if (faults.keystoneDown) return keystoneError(respond, 503, 'The server is currently unavailable. Please try again at a later time.');
      return handleKeystone(method, path.slice('/identity'.length), url.searchParams, req.headers, body, respond, {
        baseUrl: deps.baseUrl(),
        tokens: deps.tokens,
        tokenTtlSeconds: deps.tokenTtlSeconds,
      });
    }

    const mounted = mounts.find(({ mount }) => path === mount || path.startsWith(`${mount}/`));
    if (!mounted) return respond.json(404, { error: { code: 404, title: 'Not Found', message: `Nothing is served at ${path}.` } });
    const { mount, service } = mounted;
    const subPath = path.slice(mount.length);
    const issued = deps.tokens.find(firstHeader(req, 'x-auth-token'));
    const token = issued ? toSimToken(issued) : undefined;
    if (!token && !service.isPublic(method, subPath)) {
      // keystonemiddleware answers before the service sees the request.
      return keystoneError(respond, 401, UNAUTHORIZED_MESSAGE, { 'www-authenticate': `Keystone uri="${deps.baseUrl()}/identity"` });
    }
    const serverError = serverErrors[service.prefix] ?? serverErrors['/volume'];
    if (faulted && deps.switchboard.take('fail5xx')) return respond.fault(500, serverError.name, serverError.message());
    try {
      await service.handle(
        { method, path: subPath, query: url.searchParams, headers: req.headers, token, body, serviceUrl: `${deps.baseUrl()}${mount}` },
        respond,
      );
    } catch (error) {
      process.stderr.write(`[openstack sim] ${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      respond.fault(500, serverError.name, serverError.message());
    }
  };
}
