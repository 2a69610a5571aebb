import { loadInstance } from './backup-ops';
import { createInstance, deleteInstance } from './instance-ops';
import { parseInstanceCreate } from './request-schemas';
import { refused, type Route, type RouteContext } from './route-context';
import type { InstanceRecord } from './types';
import { instanceView } from './views';

const present = (ctx: RouteContext, record: InstanceRecord, detail: boolean) =>
  instanceView(ctx.view, record, ctx.world.instanceStatus(record), ctx.world.now(), detail);

/** Instances.load: the caller's project only (the real list pages by id; a handful of instances never needs it). */
const listInstances = (detail: boolean) => (ctx: RouteContext) => {
  ctx.res.json(200, { instances: ctx.world.instanceRecords(ctx.caller.projectId).map((i) => present(ctx, i, detail)) });
};

function showInstance(ctx: RouteContext): void {
  const loaded = loadInstance(ctx.world, ctx.caller, ctx.params.id);
  if (refused(ctx, loaded)) return;
  ctx.res.json(200, { instance: present(ctx, loaded.value, true) });
}

/** Create, or restore when the body has restorePoint.backupRef: 200 with the new instance in BUILD. */
async function postInstance(ctx: RouteContext): Promise<void> {
  const body = await ctx.jsonBody();
  if (!body) return;
  const input = parseInstanceCreate(body.value, ctx.errorId);
  if (refused(ctx, input)) return;
  const created = createInstance(ctx.world, ctx.caller, input.value);
  if (refused(ctx, created)) return;
  ctx.res.json(200, { instance: present(ctx, created.value, true) });
}

function removeInstance(ctx: RouteContext): void {
  const deleted = deleteInstance(ctx.world, ctx.caller, ctx.params.id);
  if (refused(ctx, deleted)) return;
  ctx.res.empty(202);
}

export const instanceRoutes: Route[] = [
  { method: 'GET', path: 'instances', handle: listInstances(false) },
  { method: 'GET', path: 'instances/detail', handle: listInstances(true) },
  { method: 'POST', path: 'instances', handle: postInstance },
  { method: 'GET', path: 'instances/:id', handle: showInstance },
  { method: 'DELETE', path: 'instances/:id', handle: removeInstance },
];
