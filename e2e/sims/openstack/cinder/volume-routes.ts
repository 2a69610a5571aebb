import { truthy } from './body-schemas';
import { notFound } from './model';
import { isAdmin } from './policy';
import type { RouteContext } from './backup-routes';
import { snapshotDetail, volumeDetail, volumeSummary } from './views';

const newestFirst = <T extends { createdAt: string }>(a: T, b: T) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

function visibleProjects(ctx: RouteContext) {
  const all = isAdmin(ctx.token) && truthy(ctx.req.query.get('all_tenants'));
  return (projectId: string) => all || projectId === ctx.token.projectId;
}

function matchesFilters(ctx: RouteContext, item: { name: string | null; status: string }) {
  const { query } = ctx.req;
  return (!query.has('name') || item.name === query.get('name')) && (!query.has('status') || item.status === query.get('status'));
}

/** GET /volumes[/detail|/{id}]: enough for volume pickers (status, size, bootable, attachments). No pagination. */
export function handleVolumes(ctx: RouteContext, method: string, rest: string[]): void {
  const { world, view, res, headers } = ctx;
  if (method !== 'GET' || rest.length > 1) throw notFound('The resource could not be found.');
  if (rest.length === 1 && rest[0] !== 'detail') {
    const volume = world.volumesById.get(rest[0]);
    if (!volume || !(isAdmin(ctx.token) || volume.projectId === ctx.token.projectId)) throw notFound(`Volume ${rest[0]} could not be found.`);
    return res.json(200, { volume: volumeDetail(view, volume) }, headers);
  }
  const visible = visibleProjects(ctx);
  const volumes = [...world.volumesById.values()].filter((v) => visible(v.projectId) && matchesFilters(ctx, v)).sort(newestFirst);
  return res.json(200, { volumes: volumes.map((v) => (rest[0] === 'detail' ? volumeDetail(view, v) : volumeSummary(view, v))) }, headers);
}

/** GET /snapshots[/detail|/{id}], minimal. */
export function handleSnapshots(ctx: RouteContext, method: string, rest: string[]): void {
  const { world, view, res, headers } = ctx;
  if (method !== 'GET' || rest.length > 1) throw notFound('The resource could not be found.');
  if (rest.length === 1 && rest[0] !== 'detail') {
    const snapshot = world.snapshotsById.get(rest[0]);
    if (!snapshot || !(isAdmin(ctx.token) || snapshot.projectId === ctx.token.projectId)) throw notFound(`Snapshot ${rest[0]} could not be found.`);
    return res.json(200, { snapshot: snapshotDetail(view, snapshot) }, headers);
  }
  const visible = visibleProjects(ctx);
  const snapshots = [...world.snapshotsById.values()].filter((s) => visible(s.projectId) && matchesFilters(ctx, s)).sort(newestFirst);
  const summary = (s: (typeof snapshots)[number]) => {
    const { 'os-extended-snapshot-attributes:progress': _p, 'os-extended-snapshot-attributes:project_id': _pid, ...rest2 } = snapshotDetail(view, s);
    return rest2;
  };
  return res.json(200, { snapshots: snapshots.map((s) => (rest[0] === 'detail' ? snapshotDetail(view, s) : summary(s))) }, headers);
}
