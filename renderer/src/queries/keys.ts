/**
 * Query-key factory. Keys are hierarchical so one prefix invalidates a whole family:
 * `backups.forEndpoint(id)` covers that endpoint's list and every backup detail under it.
 */
const root = ['backup-console'] as const;

export const queryKeys = {
  all: root,
  appInfo: () => [...root, 'app-info'] as const,
  kinds: () => [...root, 'kinds'] as const,
  vault: () => [...root, 'vault'] as const,
  endpoints: {
    all: () => [...root, 'endpoints'] as const,
    list: () => [...root, 'endpoints', 'list'] as const,
  },
  /** Last connection test per saved endpoint (kept apart so endpoint refreshes do not drop it). */
  connectionTest: (endpointId: string) => [...root, 'connection-test', endpointId] as const,
  backups: {
    all: () => [...root, 'backups'] as const,
    forEndpoint: (endpointId: string) => [...root, 'backups', endpointId] as const,
    list: (endpointId: string) => [...root, 'backups', endpointId, 'list'] as const,
    detail: (endpointId: string, backupId: string) => [...root, 'backups', endpointId, 'detail', backupId] as const,
  },
  jobs: {
    all: () => [...root, 'jobs'] as const,
    list: () => [...root, 'jobs', 'list'] as const,
  },
};
