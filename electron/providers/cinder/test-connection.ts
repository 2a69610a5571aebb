import type { ConnectionTest } from '../../../shared/domain';
import { testConnection } from '../openstack/test-connection';
import type { ProviderContext } from '../provider';
import { describeRange, negotiateMicroversion, versionHeader } from './microversion';

/** Sign-in, catalog, a fresh read of the version document (the cloud may have changed), then a one-item backup list (proves the token works on Cinder). */
export function testCinderConnection(ctx: ProviderContext): Promise<ConnectionTest> {
  return testConnection(ctx, 'cinder', async (service) => {
    const mv = await negotiateMicroversion(ctx, service, undefined, { fresh: true });
    const res = await service.request({ path: 'backups', query: { limit: 1 }, headers: versionHeader(mv), doing: 'listing backups' });
    await res.discard();
    return { serverVersion: `Cinder API ${describeRange(mv)}`, summary: `Cinder API ${describeRange(mv)}, backups readable` };
  });
}
