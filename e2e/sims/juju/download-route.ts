import type { IncomingMessage, ServerResponse } from 'node:http';
import { drained } from '../common/backpressure';
import { archiveChunks } from './archive';
import type { StoredArchive } from './backup-store';
import { models, type SimContext } from './context';
import { delay } from './faults';
import type { RequestLog } from './request-log';
import { asRpcError, badCredentials, codes, permissionDenied, RpcError } from './rpc-errors';

const statusOf: Record<string, number> = {
  [codes.unauthorized]: 401,
  [codes.noCreds]: 401,
  [codes.notFound]: 404,
  [codes.modelNotFound]: 404,
  [codes.notValid]: 400,
  [codes.badRequest]: 400,
  [codes.methodNotAllowed]: 405,
};

/** backupHandler.sendError: the params.Error itself as JSON (not wrapped), status from its code. */
function sendError(res: ServerResponse, error: unknown): void {
  const e = asRpcError(error);
  const body = JSON.stringify({ message: e.message, code: e.code });
  res.writeHead(statusOf[e.code] ?? 500, { 'Content-Type': 'application/json' }).end(body);
}

function authenticate(ctx: SimContext, req: IncomingMessage): void {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) throw new RpcError('no credentials provided', codes.noCreds);
  const decoded = Buffer.from(header.slice(6), 'base64').toString();
  const colon = decoded.indexOf(':');
  const user = /^user-(.+)$/.exec(decoded.slice(0, colon))?.[1];
  const account = user === undefined ? undefined : ctx.users[user];
  if (colon < 0 || !account || account.password !== decoded.slice(colon + 1)) throw badCredentials();
  if (account.controllerAccess !== 'superuser') throw permissionDenied();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString();
}

function parseId(contentType: string | undefined, body: string): string {
  if (contentType !== 'application/json') throw new RpcError(`expected Content-Type "application/json", got "${contentType ?? ''}"`);
  try {
    const args = JSON.parse(body) as { id?: unknown };
    return typeof args.id === 'string' ? args.id : '';
  } catch (error) {
    throw new RpcError(`while de-serializing args: ${(error as Error).message}`);
  }
}

async function stream(ctx: SimContext, res: ServerResponse, archive: StoredArchive): Promise<{ sent: number; complete: boolean }> {
  const corrupt = ctx.switchboard.take('wrongChecksum');
  const dropAt = ctx.switchboard.faults.dropDownloadAt;
  // No Content-Length: Juju streams the file (chunked).
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    Digest: `SHA-256=${Buffer.from(archive.meta.checksum).toString('base64')}`,
  });
  let sent = 0;
  for (let part of archiveChunks(archive.seed, archive.meta.size)) {
    if (res.destroyed) return { sent, complete: false };
    if (corrupt && sent === 0) {
      part = Buffer.from(part);
      part[part.length - 1] ^= 0xff;
    }
    if (dropAt !== null && sent + part.length > dropAt) {
      res.write(part.subarray(0, Math.max(0, dropAt - sent)));
      sent = Math.max(sent, dropAt);
      res.socket?.destroySoon();
      return { sent, complete: false };
    }
    sent += part.length;
    if (!res.write(part)) await drained(res);
  }
  if (res.destroyed) return { sent, complete: false };
  await new Promise<void>((resolve) => res.end(resolve));
  return { sent, complete: true };
}

/** `/model/<uuid>/backups`: GET (with a JSON body naming the backup) streams the archive. */
export async function handleBackupsHttp(ctx: SimContext, log: RequestLog, req: IncomingMessage, res: ServerResponse, modelUuid: string): Promise<void> {
  const entry = log.start('http', req.url ?? '', req.method ?? 'GET');
  res.on('close', () => (entry.outcome ??= res.writableFinished ? res.statusCode : 'dropped'));
  if (ctx.switchboard.faults.latencyMs > 0) await delay(ctx.switchboard.faults.latencyMs);
  try {
    if (!models(ctx).some((m) => m.uuid === modelUuid)) throw new RpcError(`unknown model: "${modelUuid}"`, codes.modelNotFound);
    authenticate(ctx, req);
    if (req.method !== 'GET') throw new RpcError(`unsupported method: "${req.method}"`, codes.methodNotAllowed);
    if (modelUuid !== ctx.controllerModelUuid) throw new RpcError('requested model is not the controller model', codes.badRequest);
    const id = parseId(req.headers['content-type'], await readBody(req));
    const { archive, oneShot } = ctx.store.forDownload(id);
    const outcome = await stream(ctx, res, archive);
    ctx.store.downloads.push({ id, bytesSent: outcome.sent, complete: outcome.complete, at: new Date().toISOString() });
    if (outcome.complete && oneShot) ctx.store.consumeFile(archive.meta.filename);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    sendError(res, error);
  }
}
