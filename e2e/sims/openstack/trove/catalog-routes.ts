import { findDatastore, findFlavor, flavors, versionById, versionsOf } from './catalog';
import { troveErrors } from './errors';
import { parseStrategyCreate } from './request-schemas';
import { refused, type Route, type RouteContext } from './route-context';
import { datastoresView, datastoreVersionView, datastoreView, flavorView, strategyView } from './views';

function showFlavor(ctx: RouteContext): void {
  const flavor = findFlavor(ctx.params.id);
  if (!flavor) return ctx.refuse(troveErrors.flavorNotFound(ctx.params.id));
  ctx.res.json(200, { flavor: flavorView(ctx.view, flavor) });
}

function showDatastore(ctx: RouteContext): void {
  const datastore = findDatastore(ctx.params.id);
  if (!datastore) return ctx.refuse(troveErrors.datastoreNotFound(ctx.params.id));
  ctx.res.json(200, { datastore: datastoreView(ctx.view, datastore) });
}

function listVersions(ctx: RouteContext): void {
  const datastore = findDatastore(ctx.params.id);
  if (!datastore) return ctx.refuse(troveErrors.datastoreNotFound(ctx.params.id));
  ctx.res.json(200, { versions: versionsOf(datastore.id).map((v) => datastoreVersionView(ctx.view, v, true)) });
}

/** Both datastores/{ds}/versions/{version} (name or id) and datastores/versions/{uuid}. */
function showVersion(ctx: RouteContext): void {
  const ref = ctx.params.version;
  const datastore = ctx.params.id === undefined ? undefined : findDatastore(ctx.params.id);
  if (ctx.params.id !== undefined && !datastore) return ctx.refuse(troveErrors.datastoreNotFound(ctx.params.id));
  const version = datastore ? versionsOf(datastore.id).find((v) => v.id === ref || v.name === ref) : versionById(ref);
  if (!version) return ctx.refuse(troveErrors.datastoreVersionNotFound(ref));
  ctx.res.json(200, { version: datastoreVersionView(ctx.view, version, true) });
}

/** BackupStrategyController: GET and DELETE may name another project, which only an admin may. */
function strategyScope(ctx: RouteContext): string | undefined {
  const projectId = ctx.req.query.get('project_id') ?? ctx.caller.projectId;
  if (projectId !== ctx.caller.projectId && !ctx.caller.isAdmin) {
    ctx.refuse(troveErrors.operationAuth(ctx.caller.projectId));
    return undefined;
  }
  return projectId;
}

async function createStrategy(ctx: RouteContext): Promise<void> {
  const body = await ctx.jsonBody();
  if (!body) return;
  const input = parseStrategyCreate(body.value, ctx.errorId);
  if (refused(ctx, input)) return;
  const record = { projectId: ctx.caller.projectId, instanceId: input.value.instanceId, backend: 'swift' as const, swiftContainer: input.value.swiftContainer };
  ctx.world.putStrategy(record);
  ctx.res.json(202, { backup_strategy: strategyView(record) });
}

function listStrategies(ctx: RouteContext): void {
  const projectId = strategyScope(ctx);
  if (projectId === undefined) return;
  const instanceId = ctx.req.query.get('instance_id') || undefined;
  ctx.res.json(200, { backup_strategies: ctx.world.strategies(projectId, instanceId).map(strategyView) });
}

function deleteStrategy(ctx: RouteContext): void {
  const projectId = strategyScope(ctx);
  if (projectId === undefined) return;
  ctx.world.removeStrategies(projectId, ctx.req.query.get('instance_id') ?? '');
  ctx.res.empty(202);
}

export const catalogRoutes: Route[] = [
  { method: 'GET', path: 'flavors', handle: (ctx) => ctx.res.json(200, { flavors: flavors.map((f) => flavorView(ctx.view, f)) }) },
  { method: 'GET', path: 'flavors/:id', handle: showFlavor },
  { method: 'GET', path: 'datastores', handle: (ctx) => ctx.res.json(200, datastoresView(ctx.view)) },
  { method: 'GET', path: 'datastores/versions/:version', handle: showVersion },
  { method: 'GET', path: 'datastores/:id', handle: showDatastore },
  { method: 'GET', path: 'datastores/:id/versions', handle: listVersions },
  { method: 'GET', path: 'datastores/:id/versions/:version', handle: showVersion },
  { method: 'POST', path: 'backup_strategies', handle: createStrategy },
  { method: 'GET', path: 'backup_strategies', handle: listStrategies },
  { method: 'DELETE', path: 'backup_strategies', handle: deleteStrategy },
];
