import type { PasswordCredentials } from '../../../../e2e/sims/openstack';
import type { Endpoint } from '../../../../shared/domain';
import { useOpenStackSim as useSharedSim, type SharedOpenStackSim } from '../../openstack/test-support/harness';
import type { OperationContext, ProgressUpdate } from '../../provider';
import { createTroveProvider } from '../provider';
import type { TroveTimings } from '../settings';

export { rejectionOf } from '../../openstack/test-support/harness';

/** Polls fast and gives up fast, so a test sees the whole lifecycle in well under a second. */
export const fastTimings: TroveTimings = {
  pollFirstMs: 10,
  pollMaxMs: 40,
  pollGrowth: 1.5,
  outageToleranceMs: 1_500,
  deleteTimeoutMs: 3_000,
  resumeDeleteGraceMs: 300,
};

export const fastProvider = createTroveProvider(fastTimings);

export function makeEndpoint(authUrl: string, who: PasswordCredentials): Endpoint {
  return {
    id: 'ep-trove',
    kind: 'trove',
    name: 'Trove under test',
    url: authUrl,
    timeoutMs: 5_000,
    tls: {},
    settings: { auth_type: 'password', username: who.username, user_domain_name: who.userDomainName, project_name: who.projectName, project_domain_name: 'Default' },
    createdAt: new Date(0).toISOString(),
    secretsSet: ['password'],
  };
}

/** One OpenStack simulator for the file; `context()` signs in to a Trove endpoint as the project member. */
export const useOpenStackSim = (): SharedOpenStackSim => useSharedSim({ kind: 'trove' });

export interface RecordedOperation {
  op: OperationContext;
  stages: string[];
  progress: ProgressUpdate[];
  backupIds: string[];
  remoteRefs: string[];
}

export function recordOperation(hooks: { onProgress?: (update: ProgressUpdate) => void } = {}): RecordedOperation {
  const controller = new AbortController();
  const recorded: RecordedOperation = {
    stages: [],
    progress: [],
    backupIds: [],
    remoteRefs: [],
    op: {
      signal: controller.signal,
      progress: (update) => {
        recorded.progress.push(update);
        if (update.stage) recorded.stages.push(update.stage);
        hooks.onProgress?.(update);
      },
      setBackupId: (id) => recorded.backupIds.push(id),
      setRemoteRef: (ref) => recorded.remoteRefs.push(ref),
      recordSavedFile: () => undefined,
    },
  };
  return recorded;
}
