import type { CoreDeps } from './deps';

/**
 * Jobs that were running when the app stopped are re-attached by polling their endpoint, so the
 * user sees the server's real outcome instead of a job stuck at "running" forever.
 */
export function reattachInterruptedJobs(deps: CoreDeps): void {
  for (const job of deps.jobs.interruptedAtLastStop()) {
    const endpoint = deps.endpoints.list().find((e) => e.id === job.endpointId);
    if (!endpoint) {
      deps.jobs.markInterrupted(job.id, 'Backup Console stopped while this job ran, and its endpoint has since been removed.');
      continue;
    }
    const provider = deps.providers.get(endpoint.kind);
    deps.log.info('re-attaching job', { jobId: job.id, kind: job.kind, endpointId: endpoint.id });
    deps.jobs.reattach(job, async (op) => {
      try {
        const ctx = await deps.connections.contextFor(endpoint);
        return await provider.resume(ctx, { kind: job.kind, backupId: job.backupId, remoteRef: job.remoteRef }, op);
      } finally {
        deps.emit('backups.changed', { endpointId: endpoint.id });
      }
    });
  }
}
