import { createBackup, deleteBackup, loadBackup, loadInstance } from './backup-ops';
import { findDatastore } from './catalog';
import { troveErrors } from './errors';
import { pageByOffset } from './pagination';
import { parseBackupCreate } from './request-schemas';
import { refused, type Route, type RouteContext } from './route-context';
import type { BackupRecord } from './types';
import { backupView } from './views';

/** oslo strutils.bool_from_string. */
const truthy = (value: string | null) => value !== null && ['1', 't', 'true', 'on', 'y', 'yes'].includes(value.trim().toLowerCase());

/** The query with `limit` lowered to the page-size cap, when one is set. */
function cappedQuery(query: URLSearchParams, cap: number | null): URLSearchParams {
  const asked = Number.parseInt(query.get('limit') || '20', 10);
  if (cap === null || !(asked > cap)) return query;
  const capped = new URLSearchParams(query);
  capped.set('limit', String(cap));
  return capped;
}

function sendPage(ctx: RouteContext, records: BackupRecord[]): void {
  const faults = ctx.world.faults;
  const query = cappedQuery(ctx.req.query, faults.pageSizeCap);
  const paged = pageByOffset(records, query, ctx.pageUrl, ctx.errorId, faults.httpsNextLinks);
  if (refused(ctx, paged)) return;
  if (faults.touchAfterFirstPage && paged.value.links && !Number(query.get('marker') || 0)) {
    ctx.world.touchBackup(faults.touchAfterFirstPage);
    faults.touchAfterFirstPage = null;
  }
  const now = ctx.world.now();
  const backups = paged.value.items.map((b) => backupView(b, now));
  ctx.res.json(200, paged.value.links ? { backups, links: paged.value.links } : { backups });
}

/** BackupController.index: admins may widen the list with all_projects or narrow it to project_id. */
function listBackups(ctx: RouteContext): void {
  const query = ctx.req.query;
  const projectId = query.get('project_id') || undefined;
  const allProjects = truthy(query.get('all_projects'));
  if ((projectId || allProjects) && !ctx.caller.isAdmin) return ctx.refuse(troveErrors.policy('backup:index:all_projects'));
  const datastoreRef = query.get('datastore') || undefined;
  const datastore = datastoreRef === undefined ? undefined : findDatastore(datastoreRef);
  if (datastoreRef !== undefined && !datastore) return ctx.refuse(troveErrors.datastoreNotFound(datastoreRef));
  const records = ctx.world.backupRecords({
    projectId: projectId ?? (allProjects ? undefined : ctx.caller.projectId),
    instanceId: query.get('instance_id') || undefined,
    datastoreId: datastore?.id,
  });
  sendPage(ctx, records);
}

function showBackup(ctx: RouteContext): void {
  const loaded = loadBackup(ctx.world, ctx.caller, ctx.params.id);
  if (refused(ctx, loaded)) return;
  ctx.res.json(200, { backup: backupView(loaded.value, ctx.world.now()) });
}

async function postBackup(ctx: RouteContext): Promise<void> {
  const body = await ctx.jsonBody();
  if (!body) return;
  const input = parseBackupCreate(body.value, ctx.errorId);
  if (refused(ctx, input)) return;
  if (ctx.world.faults.swiftAuthFails) return ctx.refuse(troveErrors.swiftAuth(ctx.caller.projectId));
  const created = createBackup(ctx.world, ctx.caller, input.value);
  if (refused(ctx, created)) return;
  ctx.res.json(202, { backup: backupView(created.value, ctx.world.now()) });
}

function removeBackup(ctx: RouteContext): void {
  if (ctx.world.faults.swiftAuthFails) return ctx.refuse(troveErrors.swiftAuth(ctx.caller.projectId));
  const deleted = deleteBackup(ctx.world, ctx.caller, ctx.params.id);
  if (refused(ctx, deleted)) return;
  ctx.res.empty(202);
}

/** InstanceController.backups: Backup.list_for_instance, all projects' backups of it for an admin. */
function listInstanceBackups(ctx: RouteContext): void {
  const loaded = loadInstance(ctx.world, ctx.caller, ctx.params.id);
  if (refused(ctx, loaded)) return;
  const records = ctx.world.backupRecords({ instanceId: loaded.value.id, projectId: ctx.caller.isAdmin ? undefined : ctx.caller.projectId });
  sendPage(ctx, records);
}

export const backupRoutes: Route[] = [
  { method: 'GET', path: 'backups', handle: listBackups },
  { method: 'POST', path: 'backups', handle: postBackup },
  { method: 'GET', path: 'backups/:id', handle: showBackup },
  { method: 'DELETE', path: 'backups/:id', handle: removeBackup },
  { method: 'GET', path: 'instances/:id/backups', handle: listInstanceBackups },
];
