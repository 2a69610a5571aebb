import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleNpmBackup, NPM_BACKUP_BASE } from './backup-routes';
import { handleCommon } from './common-routes';
import type { ApplianceContext } from './context';
import { handleControl, type ControlTarget } from './control-routes';
import { ApiError, errorIds, notFound } from './errors';
import { refuseBody } from './http-io';
import { handleMgmtAaa } from './token-route';

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'https://appliance.sim.local').pathname;
}

async function dispatch(ctx: ApplianceContext, method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (path.startsWith('/api/mgmt.aaa/')) return handleMgmtAaa(ctx, method, path, req, res);
  if (path.startsWith('/api/common/')) return handleCommon(ctx, method, path, res);
  if (path.startsWith(`${NPM_BACKUP_BASE}/`)) return handleNpmBackup(ctx, method, path, req, res);
  throw notFound(`Resource ${path}`);
}

/** Every HTTPS request: control routes, the hang phase of a reboot, then the API with Riverbed error bodies. */
export async function handleRequest(ctx: ApplianceContext, control: ControlTarget, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  let path: string;
  try {
    path = pathOf(req);
  } catch {
    return refuseBody(req, res, new ApiError(400, errorIds.invalidRequest, 'Malformed request URL'));
  }
  ctx.responses.track(res);
  if (path.startsWith('/__sim/')) return handleControl(method, path, req, res, control);
  const entry = ctx.log.start(req, path);
  res.once('close', () => (entry.status = res.headersSent ? res.statusCode : 0));
  if (ctx.reboot.phase === 'hanging') return ctx.reboot.park(res);
  try {
    await dispatch(ctx, method, path, req, res);
  } catch (error) {
    if (res.headersSent) return void res.destroy();
    const apiError =
      error instanceof ApiError
        ? error
        : error instanceof URIError
          ? new ApiError(400, errorIds.invalidRequest, 'Malformed request URL')
          : new ApiError(500, errorIds.internal, `Simulator error: ${String(error)}`);
    await refuseBody(req, res, apiError);
  }
}
