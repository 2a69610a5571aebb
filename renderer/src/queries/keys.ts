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
    /** Without filters this is also the prefix of every filtered list, and the entry the health dot watches. */
    list: (endpointId: string) => [...root, 'backups', endpointId, 'list'] as const,
    /** A list with server-side filters; pass them through listFiltersToSend so equal filters give equal keys. */
    filteredList: (endpointId: string, filters: Readonly<Record<string, string>> | undefined) =>
      filters ? ([...root, 'backups', endpointId, 'list', filters] as const) : queryKeys.backups.list(endpointId),
    detail: (endpointId: string, backupId: string) => [...root, 'backups', endpointId, 'detail', backupId] as const,
  },
  jobs: {
    all: () => [...root, 'jobs'] as const,
    list: () => [...root, 'jobs', 'list'] as const,
  },
};
