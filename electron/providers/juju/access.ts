import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import type { RpcOptions } from './rpc-connection';
import { tlsHint } from './rpc-connection';
import { parseJujuSettings, type JujuSettings } from './settings';
import type { JujuTiming } from './timing';

/** Everything needed to reach one controller, checked before any socket opens. */
export interface JujuAccess {
  /** `https://<address>:17070/` — the same port serves the WebSocket API and the backup downloads. */
  base: URL;
  caPem: string;
  username: string;
  password: string;
  settings: JujuSettings;
}

export async function jujuAccess(ctx: ProviderContext): Promise<JujuAccess> {
  const settings = parseJujuSettings(ctx.endpoint.settings);
  const base = new URL(ctx.endpoint.url || 'about:blank');
  if (base.protocol !== 'https:') {
    throw new AppError('validation', 'A Juju controller is reached over TLS: enter its address as https://<address>:17070.', 'Take the address from api-endpoints in `juju show-controller`, or import that output.');
  }
  const caPem = ctx.endpoint.tls.caPem?.trim();
  if (!caPem) throw new AppError('validation', "The controller's CA certificate is missing: Juju controllers use their own CA, so Backup Console cannot verify the controller without it.", tlsHint);
  const password = await ctx.secret('password');
  if (!password) throw new AppError('validation', `No password is stored for user ${settings.username}.`, 'Enter the password in the endpoint settings (`juju show-controller --show-password` prints it).');
  return { base, caPem, username: settings.username, password, settings };
}

/** `wss://<address>:17070/model/<uuid>/api`, or the controller-only `/api` without a model. */
export function apiUrl(base: URL, modelUuid?: string): string {
  return `wss://${base.host}${modelUuid ? `/model/${modelUuid}` : ''}/api`;
}

export function rpcOptions(ctx: ProviderContext, access: JujuAccess, timing: JujuTiming): RpcOptions {
  return { caPem: access.caPem, log: ctx.log, connectTimeoutMs: Math.min(ctx.endpoint.timeoutMs, 15_000), callTimeoutMs: ctx.endpoint.timeoutMs, pingIntervalMs: timing.pingIntervalMs };
}

export function createTimeoutMs(access: JujuAccess, timing: JujuTiming): number {
  return timing.createTimeoutMs ?? access.settings.create_timeout_minutes * 60_000;
}

export function restoreTimeoutMs(access: JujuAccess, timing: JujuTiming): number {
  return timing.restoreTimeoutMs ?? access.settings.restore_timeout_minutes * 60_000;
}
