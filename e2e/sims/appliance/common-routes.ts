import type { ServerResponse } from 'node:http';
import type { ApplianceContext } from './context';
import { servicesFor } from './device';
import { ApiError, errorIds, notFound } from './errors';
import { sendJson } from './http-io';

/** `/api/common/1.0/…` (openapi-common_1_0.yaml): no authentication needed for these. */
export function handleCommon(ctx: ApplianceContext, method: string, path: string, res: ServerResponse): void {
  const answers: Record<string, () => unknown> = {
    '/api/common/1.0/info': () => ({ ...ctx.device, mgmt_addresses: [...ctx.device.mgmt_addresses] }),
    '/api/common/1.0/services': () => servicesFor([...ctx.authVersions]),
    '/api/common/1.0/ping': () => ({}),
    '/api/common/1.0/auth_info': () => ({ login_banner: '', specify_purpose: false, supported_methods: ['BASIC', 'COOKIE', 'OAUTH_2_0'] }),
  };
  const answer = answers[path];
  if (!answer) throw notFound(`Resource ${path}`);
  if (method !== 'GET') throw new ApiError(405, errorIds.methodNotAllowed, `Method ${method} not allowed on ${path}`);
  sendJson(res, 200, answer());
}
