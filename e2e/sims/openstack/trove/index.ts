import type { SimRequest, SimResponder, SimService, SimServiceEnv } from '../sim-service';
import { backupRoutes } from './backup-routes';
import { catalogRoutes } from './catalog-routes';
import { handleTroveControl } from './control';
import { troveErrors } from './errors';
import { takeFault } from './faults';
import { instanceRoutes } from './instance-routes';
import { makeJsonBody, matchRoute, safeDecode, type RouteContext } from './route-context';
import { randomUuid } from './timeline';
import type { TroveFault } from './types';
import { TroveWorld } from './world';

export type { TroveFaults, FaultLevel } from './faults';
export type { TroveInstanceSummary, SeedBackupsOptions } from './world';
export type * from './types';
export { TroveWorld } from './world';
export { seededBackups, seededInstances, seededBackupId, seededInstanceId } from './seed-data';
export { datastores, datastoreVersions, flavors } from './catalog';

export interface TroveService extends SimService {
  readonly world: TroveWorld;
}

const routes = [...backupRoutes, ...instanceRoutes, ...catalogRoutes];

/** The api-ref's version document (samples/trove/versions-response.json), pointing at this server. */
function versionEntry(serviceUrl: string) {
  return { id: 'v1.0', links: [{ href: `${serviceUrl}/v1.0/`, rel: 'self' }], status: 'CURRENT', updated: '2012-08-01T00:00:00Z' };
}

const segmentsOf = (path: string) => path.split('/').filter((s) => s.length > 0);

/** Trove v1.0 (database backups and the instances they restore to), mounted at /database on the shared server. */
export function createTroveService(env: SimServiceEnv): TroveService {
  const world = new TroveWorld(env);
  const errorId = () => randomUuid(env.random);

  const handle = async (req: SimRequest, res: SimResponder): Promise<void> => {
    const send = (f: TroveFault) => res.fault(f.status, f.name, f.message);
    const serviceUrl = req.serviceUrl.replace(/\/+$/, '');
    const [version, projectId, ...rest] = segmentsOf(req.path);
    if (version === undefined && req.method === 'GET') return res.json(200, { versions: [versionEntry(serviceUrl)] });
    if (version === 'v1.0' && projectId === undefined && req.method === 'GET') return res.json(200, { version: versionEntry(serviceUrl) });
    if (version !== 'v1.0' || projectId === undefined) return send(troveErrors.noRoute());

    const token = req.token;
    if (!token) return res.fault(401, 'unauthorized', 'This server could not verify that you are authorized to access the document you requested.');
    if (safeDecode(projectId) !== token.projectId) return send(troveErrors.wrongTenant(token.projectId));
    if (takeFault(world.faults, 'fail5xx', env.random)) return send(troveErrors.internal(errorId()));
    world.ensureProject(token.projectId);

    const matched = matchRoute(routes, req.method, rest);
    if (!matched) return send(troveErrors.noRoute());
    const caller = { projectId: token.projectId, isAdmin: token.roles.includes('admin') };
    const query = req.query.toString();
    const ctx: RouteContext = {
      world,
      req,
      res,
      caller,
      view: { serviceUrl, projectId: token.projectId, isAdmin: caller.isAdmin },
      params: matched.params,
      pageUrl: `${serviceUrl}${req.path}${query ? `?${query}` : ''}`,
      errorId,
      refuse: send,
      jsonBody: makeJsonBody(req, res),
    };
    try {
      await matched.route.handle(ctx);
    } catch (error) {
      // Trove's Resource.execute_action: any unexpected exception becomes the 500 with an id to quote.
      console.error('[trove sim] handler failed:', error);
      send(troveErrors.internal(errorId()));
    }
  };

  return {
    prefix: '/database',
    world,
    isPublic: (method, path) => method === 'GET' && segmentsOf(path).length <= 1 && (segmentsOf(path)[0] ?? 'v1.0') === 'v1.0',
    handle,
    control: (method, path, body) => handleTroveControl(world, method, path, body),
    reset: () => world.reset(),
    // Statuses follow recorded steps read against env.now(): there are no timers to stop.
    close: () => undefined,
  };
}
