import type { ConnectionTest } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ProviderContext } from '../provider';
import { openService, serviceLabels, type OpenedService } from './open-service';
import type { OpenStackServiceName } from './service';

export interface ServiceProbe {
  /** E.g. "3.0 – 3.71 (using 3.71)". */
  serverVersion?: string;
  /** One clause about what the service answered, e.g. "12 backups". */
  summary: string;
}

function rolesText(roles: readonly string[]): string {
  return roles.length ? roles.join(', ') : 'no roles';
}

/**
 * Signs in, finds the service in the catalog and runs a cheap probe (its version document or a
 * short list), reporting the URL used, the user's roles and the server's version range.
 */
export async function testConnection(ctx: ProviderContext, name: OpenStackServiceName, probe: (service: OpenedService) => Promise<ServiceProbe>): Promise<ConnectionTest> {
  const authUrl = ctx.endpoint.url;
  let service: OpenedService;
  try {
    service = await openService(ctx, name);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, url: authUrl, message: error.message, hint: error.hint, code: error.code };
    throw error;
  }
  const url = service.baseUrl.replace(/\/$/, '');
  try {
    const result = await probe(service);
    const where = `${service.choice.region ? `region ${service.choice.region}, ` : ''}${service.choice.interface} interface`;
    return {
      ok: true,
      url,
      serverVersion: result.serverVersion,
      message: `Signed in to Keystone and reached ${serviceLabels[name]} at ${url} (${where}); your roles: ${rolesText(service.roles)}; ${result.summary}.`,
    };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, url, message: `Signed in, but ${serviceLabels[name]} at ${url} failed: ${error.message}`, hint: error.hint };
    throw error;
  }
}
