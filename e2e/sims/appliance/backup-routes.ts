import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { authenticate } from './auth';
import type { ApplianceContext } from './context';
import { sendBackupFile } from './download-route';
import { ApiError, errorIds, invalidRequest, notFound, unsupportedMediaType } from './errors';
import { takeCounted, takeDropAnswer, takeOneShot } from './faults';
import { mediaType, readJsonBody, sendEmpty, sendJson } from './http-io';
import { refuseWhileRebooting, startFactoryReset, startRestore, underWay } from './restore';
import type { DroppedAnswer, OddDownload } from './types';
import { receiveUpload } from './upload-route';

const BASE = '/api/npm.backup/1.0';
const MAX_DESCRIPTION = 250;
/** Read-only backup fields a client may echo back on create; they are ignored (additionalProperties: false for anything else). */
const readOnlyFields = new Set(['backup_time', 'hostname', 'id', 'model', 'serial', 'size', 'status', 'status_message', 'sw_version']);

interface Route {
  method: string;
  pattern: RegExp;
  handle(ctx: ApplianceContext, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> | void;
}

/** POST /backups `{"description"}` → 201 backup 'started'. */
async function create(ctx: ApplianceContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req);
  if (body.kind === 'json' && mediaType(req) !== 'application/json') throw unsupportedMediaType(req.headers['content-type'], 'application/json');
  const value = body.kind === 'none' ? {} : body.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidRequest('The request body must be a backup object');
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => k !== 'description' && !readOnlyFields.has(k));
  if (unknown.length > 0) throw invalidRequest(`Unknown property: ${unknown.join(', ')}`);
  const description = fields.description ?? '';
  if (typeof description !== 'string') throw invalidRequest('description must be a string');
  if (description.length > MAX_DESCRIPTION) throw invalidRequest(`description is longer than ${MAX_DESCRIPTION} characters`);
  refuseWhileRebooting(ctx);
  const made = ctx.store.create(description);
  if (!dropped(ctx, 'create', res)) sendJson(res, 201, made);
}

/** Under `dropAnswer` for this kind: the work is done, then the socket is destroyed without an answer (true). */
function dropped(ctx: ApplianceContext, kind: DroppedAnswer, res: ServerResponse): boolean {
  if (!takeDropAnswer(ctx.faults, kind)) return false;
  res.destroy();
  return true;
}

const proxyPage =
  '<!DOCTYPE html><html><head><title>Sign in to continue</title></head><body><h1>Web proxy</h1><p>Your session has expired. Sign in to continue to the requested page.</p></body></html>';

/**
 * Under `downloadAnswer`: a 200 that is not the plain file. A proxy's page or an error body (each with
 * its Content-Length), or the file streamed chunked without a Content-Length (whole, or 1 KiB short).
 */
async function sendOddFile(ctx: ApplianceContext, id: string, res: ServerResponse, odd: OddDownload): Promise<void> {
  const backup = ctx.store.completed(id);
  if (odd === 'html-page') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(proxyPage) }).end(proxyPage);
    return;
  }
  if (odd === 'json-error') return sendJson(res, 200, { error_id: errorIds.internal, error_text: `The file of backup ${id} could not be read (simulated)` });
  const { size } = await stat(backup.path);
  const end = odd === 'unsized-short' ? Math.max(1, size - 1024) - 1 : size - 1;
  const socket = res.socket;
  if (socket) ctx.transfers.add(socket);
  res.writeHead(200, { 'Content-Type': 'application/x-gzip', 'Content-Disposition': `attachment; filename="${backup.wire.hostname}-${id}.backup.tgz"` });
  try {
    await pipeline(createReadStream(backup.path, { start: 0, end, highWaterMark: 64 * 1024 }), res);
  } catch {
    res.destroy();
  } finally {
    if (socket) ctx.transfers.delete(socket);
  }
}

const routes: Route[] = [
  { method: 'GET', pattern: /^\/backups$/, handle: (ctx, _req, res) => sendJson(res, 200, { items: ctx.store.list() }) },
  { method: 'POST', pattern: /^\/backups$/, handle: (ctx, req, res) => create(ctx, req, res) },
  {
    method: 'POST',
    pattern: /^\/backups\/upload$/,
    handle: (ctx, req, res) => {
      refuseWhileRebooting(ctx);
      return receiveUpload(ctx, req, res);
    },
  },
  {
    method: 'POST',
    pattern: /^\/backups\/reset_factory$/,
    handle: (ctx, _req, res) => {
      const started = startFactoryReset(ctx);
      if (!dropped(ctx, 'reset_factory', res)) sendJson(res, 202, started);
    },
  },
  { method: 'GET', pattern: /^\/backups\/items\/([^/]+)$/, handle: (ctx, _req, res, id) => sendJson(res, 200, { ...ctx.store.get(id).wire }) },
  {
    method: 'DELETE',
    pattern: /^\/backups\/items\/([^/]+)$/,
    handle: (ctx, _req, res, id) => {
      refuseWhileRebooting(ctx);
      ctx.store.remove(id);
      if (!dropped(ctx, 'delete', res)) sendEmpty(res, 204);
    },
  },
  {
    method: 'GET',
    pattern: /^\/backups\/items\/([^/]+)\/file$/,
    handle: (ctx, _req, res, id) => {
      ctx.store.completed(id);
      const odd = takeOneShot(ctx.faults, 'downloadAnswer');
      return odd ? sendOddFile(ctx, id, res, odd) : sendBackupFile(ctx, id, res);
    },
  },
  {
    method: 'POST',
    pattern: /^\/backups\/items\/([^/]+)\/restore$/,
    handle: (ctx, _req, res, id) => {
      const started = startRestore(ctx, id);
      if (!dropped(ctx, 'restore', res)) sendJson(res, 202, started);
    },
  },
  { method: 'GET', pattern: /^\/restore_status$/, handle: (ctx, _req, res) => sendJson(res, 200, ctx.faults.restoreUnderWay ? underWay(ctx.restoreStatus) : { ...ctx.restoreStatus }) },
];

/**
 * `/api/npm.backup/1.0/…`: counted 500/503 faults first, then the Bearer token, then the route.
 * A known path with another method answers 405; anything else 404.
 */
export async function handleNpmBackup(ctx: ApplianceContext, method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (takeCounted(ctx.faults, 'serverErrors')) throw new ApiError(500, errorIds.internal, 'Internal error while processing the request (simulated)');
  if (takeCounted(ctx.faults, 'unavailable')) throw new ApiError(503, errorIds.unavailable, 'The backup service is temporarily unavailable (simulated)');
  authenticate(ctx, req);
  const rest = path.slice(BASE.length);
  const matching = routes.map((route) => ({ route, match: route.pattern.exec(rest) })).filter((m) => m.match !== null);
  if (matching.length === 0) throw notFound(`Resource ${path}`);
  const hit = matching.find((m) => m.route.method === method);
  if (!hit) throw new ApiError(405, errorIds.methodNotAllowed, `Method ${method} not allowed on ${path}`);
  const id = hit.match?.[1] === undefined ? '' : decodeURIComponent(hit.match[1]);
  await hit.route.handle(ctx, req, res, id);
}

export const NPM_BACKUP_BASE = BASE;
