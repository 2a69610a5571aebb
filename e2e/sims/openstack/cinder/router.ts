import type { SimRequest, SimResponder } from '../sim-service';
import type { CinderFaultView } from './backup-operations';
import { handleBackups, type RouteContext } from './backup-routes';
import { formatMicroversion, mv, requestedMicroversion, type Microversion } from './microversion';
import { badRequest, CinderFault, notFound } from './model';
import { isAdmin } from './policy';
import { versionsBody } from './versions';
import { handleSnapshots, handleVolumes } from './volume-routes';
import type { CinderWorld } from './world';

const COLLECTIONS = new Set(['backups', 'volumes', 'snapshots']);

export function isVersionDocument(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && ['', '/', '/v3', '/v3/'].includes(path);
}

/** One Cinder request: version documents, microversion negotiation, the project check, then the resource. */
export async function routeCinder(req: SimRequest, res: SimResponder, world: CinderWorld, faults: CinderFaultView, max: Microversion): Promise<void> {
  const { method, path } = req;
  if (isVersionDocument(method, path)) return res.json(path.startsWith('/v3') ? 200 : 300, versionsBody(req.serviceUrl, max));
  const token = req.token;
  const segments = path.split('/').filter(Boolean);
  if (segments[0] !== 'v3' || !token) return res.fault(404, 'itemNotFound', 'The resource could not be found.');

  let version: Microversion;
  try {
    version = requestedMicroversion(req.headers, max);
  } catch (error) {
    if (error instanceof CinderFault) return res.fault(error.status, error.faultName, error.message);
    throw error;
  }
  const headers = { 'OpenStack-API-Version': `volume ${formatMicroversion(version)}`, Vary: 'OpenStack-API-Version' };
  try {
    let rest = segments.slice(1);
    if (COLLECTIONS.has(rest[0] ?? '')) {
      if (version < mv.projectIdOptional) throw notFound('The resource could not be found.');
    } else {
      if (rest[0] !== token.projectId) throw badRequest('Malformed request url');
      rest = rest.slice(1);
    }
    const ctx: RouteContext = {
      req,
      res,
      token,
      version,
      world,
      faults,
      headers,
      view: { serviceUrl: req.serviceUrl, projectId: token.projectId, version, isAdmin: isAdmin(token), hasDependents: (id) => world.hasDependents(id) },
    };
    const [collection, ...below] = rest;
    if (collection === 'backups') return await handleBackups(ctx, method, below);
    if (collection === 'volumes') return handleVolumes(ctx, method, below);
    if (collection === 'snapshots') return handleSnapshots(ctx, method, below);
    throw notFound('The resource could not be found.');
  } catch (error) {
    if (error instanceof CinderFault) return res.fault(error.status, error.faultName, error.message, headers);
    throw error;
  }
}
