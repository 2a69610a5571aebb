import type { ConnectionTest } from '../../../shared/domain';
import type { OpenedService } from '../openstack/open-service';
import { testConnection, type ServiceProbe } from '../openstack/test-connection';
import type { ProviderContext } from '../provider';
import { backupListSchema, versionsSchema } from './wire-schemas';

/** The Trove root (…/v1.0/{project} → …/), where the unauthenticated version document lives. */
export function troveRootUrl(baseUrl: string): string | undefined {
  const match = /^(.*\/)v1\.0(\/.*)?$/.exec(baseUrl);
  return match?.[1];
}

/** "v1.0 (CURRENT)", or undefined when the version document cannot be read (it says nothing about backups). */
async function serverVersion(service: OpenedService): Promise<string | undefined> {
  const root = troveRootUrl(service.baseUrl);
  if (!root) return undefined;
  try {
    const res = await service.requestUrl(root, { doing: 'reading the API versions' });
    const parsed = versionsSchema.safeParse(await res.json());
    if (!parsed.success) return undefined;
    return parsed.data.versions.map((v) => (v.status ? `${v.id} (${v.status})` : v.id)).join(', ') || undefined;
  } catch {
    return undefined;
  }
}

/** One page of backups proves the token works for Trove; counting them all is the list's job. */
async function probe(service: OpenedService): Promise<ServiceProbe> {
  const page = await service.requestJson(backupListSchema, { path: 'backups', doing: 'listing the backups' });
  const more = page.links?.some((l) => l.rel === 'next');
  const count = page.backups.length;
  const summary = more ? `at least ${count} backups` : count === 1 ? '1 backup' : `${count} backups`;
  return { serverVersion: await serverVersion(service), summary };
}

export function testTroveConnection(ctx: ProviderContext): Promise<ConnectionTest> {
  return testConnection(ctx, 'trove', probe);
}
