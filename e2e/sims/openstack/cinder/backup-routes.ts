import type { SimRequest, SimResponder, SimToken } from '../sim-service';
import { createBackup, deleteBackup, findBackup, restoreBackup, resetStatus, type Caller, type CinderFaultView, type CreateFields } from './backup-operations';
import { exportRecord, importRecord } from './backup-records';
import { validateCreate, validateImport, validateResetStatus, validateRestore, validateUpdate } from './body-schemas';
import { listBackups } from './list-query';
import { mv, type Microversion } from './microversion';
import { badRequest, CinderFault, notFound } from './model';
import { isAdmin, requireAdmin, requireMember } from './policy';
import { backupDetail, backupSummary, type ViewContext } from './views';
import { isChunkedDriver, type CinderWorld } from './world';

export interface RouteContext {
  req: SimRequest;
  res: SimResponder;
  token: SimToken;
  version: Microversion;
  world: CinderWorld;
  faults: CinderFaultView;
  view: ViewContext;
  /** Response headers every versioned answer carries (OpenStack-API-Version, Vary). */
  headers: Record<string, string>;
}

const caller = (token: SimToken): Caller => ({ projectId: token.projectId, userId: token.userId, isAdmin: isAdmin(token) });

async function jsonBody(ctx: RouteContext): Promise<unknown> {
  const body = await ctx.req.body();
  if (body.kind === 'invalid') throw badRequest('Malformed request body');
  return body.kind === 'json' ? body.value : undefined;
}

const notFoundResource = () => notFound('The resource could not be found.');

/** Everything below /v3/{project_id}/backups. `rest` is the path after `backups`, split on '/'. */
export async function handleBackups(ctx: RouteContext, method: string, rest: string[]): Promise<void> {
  const { res, headers, view, world, token } = ctx;
  const who = caller(token);
  const [first, second] = rest;

  if (rest.length === 0 || (rest.length === 1 && first === 'detail')) {
    if (method === 'GET') {
      const page = listBackups(world.backupsById.values(), {
        query: ctx.req.query,
        version: ctx.version,
        isAdmin: who.isAdmin,
        projectId: token.projectId,
        collectionUrl: `${view.serviceUrl}/v3/${token.projectId}/backups`,
      });
      const body: Record<string, unknown> = { backups: page.items.map((b) => (first === 'detail' ? backupDetail(view, b) : backupSummary(view, b))) };
      if (page.next) body.backups_links = [{ href: page.next, rel: 'next' }];
      if (page.count !== undefined) body.count = page.count;
      return res.json(200, body, headers);
    }
    if (method === 'POST' && rest.length === 0) {
      requireMember(token, 'backup:create');
      const body = await jsonBody(ctx);
      validateCreate(body, ctx.version);
      const backup = createBackup(world, ctx.faults, who, (body as { backup: CreateFields }).backup);
      return res.json(202, { backup: backupSummary(view, backup) }, headers);
    }
    throw notFoundResource();
  }

  if (rest.length === 1 && first === 'import_record' && method === 'POST') {
    requireAdmin(token, 'backup:backup-import');
    const body = await jsonBody(ctx);
    validateImport(body);
    const record = (body as { 'backup-record': { backup_service: string; backup_url: string } })['backup-record'];
    const backup = importRecord(world, who, record.backup_service, record.backup_url);
    return res.json(201, { backup: backupSummary(view, { id: backup.id, name: null }) }, headers);
  }

  if (rest.length === 1) {
    if (method === 'GET') return res.json(200, { backup: backupDetail(view, findBackup(world, who, first)) }, headers);
    if (method === 'PUT') {
      if (ctx.version < mv.backupUpdate) throw notFoundResource();
      requireMember(token, 'backup:update');
      const body = await jsonBody(ctx);
      validateUpdate(body, ctx.version);
      const backup = findBackup(world, who, first);
      const changes = (body as { backup: { name?: string | null; description?: string | null; metadata?: Record<string, string> } }).backup;
      if (changes.name !== undefined) backup.name = changes.name;
      if (changes.description !== undefined) backup.description = changes.description;
      if (changes.metadata !== undefined) backup.metadata = { ...changes.metadata };
      backup.updatedAt = world.stamp();
      return res.json(200, { backup: backupSummary(view, backup) }, headers);
    }
    if (method === 'DELETE') {
      requireMember(token, 'backup:delete');
      deleteBackup(world, who, first);
      return res.empty(202, headers);
    }
    throw notFoundResource();
  }

  if (rest.length === 2 && second === 'restore' && method === 'POST') {
    requireMember(token, 'backup:restore');
    const body = await jsonBody(ctx);
    validateRestore(body);
    const target = (body as { restore: { volume_id?: string | null; name?: string | null } | null }).restore;
    return res.json(202, { restore: restoreBackup(world, ctx.faults, who, first, target) }, headers);
  }
  if (rest.length === 2 && second === 'export_record' && method === 'GET') {
    requireAdmin(token, 'backup:backup-export');
    return res.json(200, { 'backup-record': exportRecord(world, who, first) }, headers);
  }
  if (rest.length === 2 && second === 'action' && method === 'POST') return handleAction(ctx, who, first);
  throw notFoundResource();
}

async function handleAction(ctx: RouteContext, who: Caller, id: string): Promise<void> {
  const body = await jsonBody(ctx);
  const action = typeof body === 'object' && body !== null ? Object.keys(body)[0] : undefined;
  if (action === 'os-force_delete') {
    requireAdmin(ctx.token, 'volume_extension:backup_admin_actions:force_delete');
    const backup = findBackup(ctx.world, who, id);
    if (ctx.faults.forceDeleteUnsupported || !isChunkedDriver(backup.service)) throw new CinderFault(405, 'badMethod', 'Operation not supported: force delete.');
    deleteBackup(ctx.world, who, id, true);
    return ctx.res.empty(202, ctx.headers);
  }
  if (action === 'os-reset_status') {
    requireAdmin(ctx.token, 'volume_extension:backup_admin_actions:reset_status');
    validateResetStatus(body);
    resetStatus(ctx.world, who, id, (body as { 'os-reset_status': { status: string } })['os-reset_status'].status);
    return ctx.res.empty(202, ctx.headers);
  }
  throw badRequest(`There is no such action: ${action ?? 'None'}`);
}
