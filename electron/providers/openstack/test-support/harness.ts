import { startOpenStackSim, type OpenStackSim, type OpenStackSimOptions } from '../../../../e2e/sims/openstack';
import type { EndpointKind } from '../../../../shared/domain';
import type { ProviderContext } from '../../provider';
import { makeTestContext, type TestContext } from '../../test-support/context';
import { useFileSimulator } from '../../test-support/file-simulator';

export { recordOperation, rejectionOf, waitUntil } from '../../pieces/test-support/harness';

export interface ContextOptions {
  kind?: EndpointKind;
  url: string;
  settings: Record<string, string>;
  secrets: Record<string, string>;
  timeoutMs?: number;
}

/** A ProviderContext like the core builds: real pooled clients per base URL and a real memo. */
export function makeOpenStackContext(o: ContextOptions): TestContext {
  return makeTestContext({ ...o, kind: o.kind ?? 'cinder', name: 'OpenStack under test' });
}

export type Who = 'admin' | 'member' | 'appCredential';

/** Endpoint settings and secrets that sign in as one of the simulator's users. */
export function signInAs(sim: OpenStackSim, who: Who, extra: Record<string, string> = {}): Pick<ContextOptions, 'settings' | 'secrets'> {
  if (who === 'appCredential') {
    return { settings: { auth_type: 'v3applicationcredential', application_credential_id: sim.credentials.appCredential.id, region_name: 'RegionOne', ...extra }, secrets: { application_credential_secret: sim.credentials.appCredential.secret } };
  }
  const c = sim.credentials[who];
  return {
    settings: { auth_type: 'password', username: c.username, user_domain_name: c.userDomainName, project_name: c.projectName, project_domain_name: 'Default', region_name: 'RegionOne', ...extra },
    secrets: { password: c.password },
  };
}

export interface SharedOpenStackSim {
  /** The file's simulator (started before all tests, reset after each). */
  sim(): OpenStackSim;
  /** A context signed in as `who` (default: the project member; region RegionOne, public interface unless `extra` says otherwise), closed after each test. */
  context(who?: Who, extra?: Record<string, string>, url?: string): ProviderContext;
}

/** Call at the top of a test file: one simulator for the file, contexts (on a `kind` endpoint, default cinder) closed after each test. */
export function useOpenStackSim({ kind, ...options }: OpenStackSimOptions & { kind?: EndpointKind } = {}): SharedOpenStackSim {
  const { sim, track } = useFileSimulator('OpenStack', () => startOpenStackSim({ port: 0, timeScale: 0.05, seed: 1, ...options }));
  return {
    sim,
    context: (who = 'member', extra = {}, url) => track(makeOpenStackContext({ kind, url: url ?? sim().authUrl, ...signInAs(sim(), who, extra) })).ctx,
  };
}
