import { AppError } from '../../../shared/errors';
import { parseWire, type HttpRequest, type HttpResponse } from '../../core/http/http-client';
import type { ProviderContext } from '../provider';
import { backupPath, deviceClient, DEVICE_INFO_PATH, npmBackup } from './device-url';
import { refusal } from './errors';
import { dropSession, signIn, validSession } from './session';
import { backupListSchema, backupSchema, deviceInfoSchema, restoreStatusSchema, type DeviceInfo, type WireBackup, type WireRestoreStatus } from './wire-schemas';
import type { z } from 'zod';

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Sends one npm.backup request with `Authorization: Bearer …`. A 401 drops the token and, when the
 * body can be sent again (no body or JSON, never a streamed upload), signs in once and retries once.
 */
export async function authed(ctx: ProviderContext, req: HttpRequest): Promise<HttpResponse> {
  // Signing in never waits longer than the endpoint timeout, even for a transfer allowed to run for days.
  const options = { timeoutMs: Math.min(req.timeoutMs ?? ctx.endpoint.timeoutMs, ctx.endpoint.timeoutMs), signal: req.signal };
  const send = (token: string) => deviceClient(ctx).request({ ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } });
  const first = await send((await validSession(ctx, options)).accessToken);
  if (first.status !== 401 || req.body) return first;
  await first.discard();
  ctx.log.info('The appliance refused the token (401); signing in again once', { path: req.path });
  dropSession(ctx);
  return send((await signIn(ctx, options)).accessToken);
}

/** An authenticated JSON call whose success is one of `ok`; anything else becomes an explained AppError. */
export async function callJson<T extends z.ZodType>(ctx: ProviderContext, req: HttpRequest, schema: T, doing: string, ok: number[] = [200]): Promise<z.output<T>> {
  const res = await authed(ctx, req);
  if (!ok.includes(res.status)) throw await refusal(res, doing);
  return parseWire(schema, await res.json(), res.url);
}

export async function listWireBackups(ctx: ProviderContext, o: CallOptions = {}): Promise<WireBackup[]> {
  const list = await callJson(ctx, { path: npmBackup('backups'), ...o }, backupListSchema, 'list the backups');
  return list.items ?? [];
}

export function getWireBackup(ctx: ProviderContext, id: string, o: CallOptions = {}): Promise<WireBackup> {
  return callJson(ctx, { path: backupPath(id), ...o }, backupSchema, `read backup ${id}`);
}

/** The backup, or undefined when the appliance answers 404 (deleted, or never kept). */
export async function findWireBackup(ctx: ProviderContext, id: string, o: CallOptions = {}): Promise<WireBackup | undefined> {
  try {
    return await getWireBackup(ctx, id, o);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') return undefined;
    throw error;
  }
}

export function readRestoreStatus(ctx: ProviderContext, o: CallOptions = {}): Promise<WireRestoreStatus> {
  return callJson(ctx, { path: npmBackup('restore_status'), ...o }, restoreStatusSchema, 'read the restore status');
}

/**
 * GET /restore_status, refusing to go on while it reports a restore or factory reset under way:
 * a second one sent now would reboot the box in the middle of the first.
 */
export async function readIdleRestoreStatus(ctx: ProviderContext, action: string, o: CallOptions = {}): Promise<WireRestoreStatus> {
  const status = await readRestoreStatus(ctx, o);
  if (status.status?.toLowerCase() !== 'started') return status;
  const said = status.status_message ? ` ("${status.status_message}")` : '';
  throw new AppError(
    'conflict',
    `The appliance reports a restore or factory reset under way${said}, so Backup Console did not ${action}.`,
    "Wait until it ends (the appliance reboots, then reports the outcome) and try again. If it still says so long after, check the appliance's console.",
  );
}

/** GET /api/common/1.0/info: answers without signing in (also while other services still start). */
export async function readDeviceInfo(ctx: ProviderContext, o: CallOptions = {}): Promise<DeviceInfo> {
  const res = await deviceClient(ctx).request({ path: DEVICE_INFO_PATH, ...o });
  if (res.status !== 200) throw await refusal(res, 'describe itself (GET /api/common/1.0/info)');
  return parseWire(deviceInfoSchema, await res.json(), res.url);
}
