import type { ConnectionTest } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import { listWireBackups, readDeviceInfo } from './api';
import { deviceClient } from './device-url';
import { signIn } from './session';
import type { DeviceInfo } from './wire-schemas';

/** "SCAN-AR-VE 11.13.0". */
export function serverVersionOf(info: DeviceInfo): string | undefined {
  const text = [info.model, info.sw_version].filter(Boolean).join(' ');
  return text || undefined;
}

/**
 * GET /api/common/1.0/info (no sign-in), a fresh sign-in with the password (never a cached token: a
 * test must prove the password), then the backup list, which proves npm.backup 1.0 is there.
 * TLS refusals ('tls', 'certificate-changed') come explained from the HTTP client and pass through.
 */
export async function testApplianceConnection(ctx: ProviderContext): Promise<ConnectionTest> {
  const url = deviceClient(ctx).baseUrl;
  const info = await readDeviceInfo(ctx);
  const name = info.device_name || new URL(url).host;
  const serverVersion = serverVersionOf(info);
  const session = await signIn(ctx);
  let count: number;
  try {
    count = (await listWireBackups(ctx)).length;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') {
      return {
        ok: false,
        url,
        serverVersion,
        message: `Signed in to ${name} as ${session.username}, but it offers no npm.backup 1.0 API.`,
        hint: 'Backup Console speaks npm.backup 1.0 (AppResponse 11, Portal). Newer releases with only npm.backup 2.0 are not supported yet.',
      };
    }
    throw error;
  }
  const kept = `${count} backup${count === 1 ? '' : 's'} stored (an appliance keeps two at most)`;
  return { ok: true, url, serverVersion, message: `Signed in to ${name}${serverVersion ? ` (${serverVersion})` : ''} as ${session.username}; ${kept}.` };
}
