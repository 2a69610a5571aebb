import type { CallHandlers } from '../../../shared/contract';
import type { CapabilityName, Endpoint, Job, JobKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, Provider, ProviderContext } from '../../providers/provider';
import type { JobSpec } from '../jobs/types';
import type { CoreDeps } from './deps';
import { isActive } from './job-state';

type BackupHandlers = Pick<
  CallHandlers,
  'backups.list' | 'backups.get' | 'backups.create' | 'backups.backupAsset' | 'backups.restore' | 'backups.delete'
>;

function requireCapability(deps: CoreDeps, endpoint: Endpoint, name: CapabilityName): Provider {
  const provider = deps.providers.get(endpoint.kind);
  const capability = provider.capabilities(endpoint)[name];
  if (!capability.enabled) {
    throw new AppError('unsupported', capability.reason ?? `${endpoint.name} does not support this action.`);
  }
  return provider;
}

/** Main checks the typed confirmation itself, exactly as the UI does: the renderer's enabled button is not proof. */
function requireConfirmation(typed: string, backupId: string): void {
  if (typed !== backupId) {
    throw new AppError('confirmation-mismatch', 'The confirmation does not match the backup id.', `Type ${backupId} exactly to confirm.`);
  }
}

/** Kinds that must not run at the same time on one endpoint. */
const blockers: Record<JobKind, JobKind[]> = {
  create: ['create', 'restore'],
  'backup-asset': ['restore'],
  restore: ['create', 'restore', 'delete', 'backup-asset'],
  delete: ['restore'],
};

function refuseConflicts(deps: CoreDeps, endpoint: Endpoint, kind: JobKind): void {
  const clash = deps.jobs.list().find((j: Job) => j.endpointId === endpoint.id && isActive(j.state) && blockers[kind].includes(j.kind));
  if (clash) {
    throw new AppError('conflict', `A ${clash.kind} job is already running on ${endpoint.name}.`, 'Wait for it to finish, or cancel it from the jobs panel.');
  }
}

type Run = (provider: Provider, ctx: ProviderContext, op: OperationContext) => Promise<OperationOutcome>;

function startJob(deps: CoreDeps, endpoint: Endpoint, provider: Provider, spec: Omit<JobSpec, 'endpointId' | 'endpointName'>, run: Run): Job {
  refuseConflicts(deps, endpoint, spec.kind);
  deps.log.info('job requested', { kind: spec.kind, endpointId: endpoint.id, backupId: spec.backupId });
  return deps.jobs.start({ ...spec, endpointId: endpoint.id, endpointName: endpoint.name }, async (op) => {
    try {
      const ctx = await deps.connections.contextFor(endpoint);
      return await run(provider, ctx, op);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unreachable') deps.connections.forget(endpoint.id);
      throw error;
    } finally {
      deps.emit('backups.changed', { endpointId: endpoint.id });
    }
  });
}

async function withContext<T>(deps: CoreDeps, endpointId: string, use: (provider: Provider, ctx: ProviderContext) => Promise<T>): Promise<T> {
  const endpoint = deps.endpoints.get(endpointId);
  try {
    const ctx = await deps.connections.contextFor(endpoint);
    return await use(deps.providers.get(endpoint.kind), ctx);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unreachable') deps.connections.forget(endpoint.id);
    throw error;
  }
}

export function backupHandlers(deps: CoreDeps): BackupHandlers {
  return {
    'backups.list': ({ endpointId }) => withContext(deps, endpointId, (p, ctx) => p.listBackups(ctx)),
    'backups.get': ({ endpointId, backupId }) => withContext(deps, endpointId, (p, ctx) => p.getBackup(ctx, backupId)),
    'backups.create': async ({ endpointId }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'create');
      const cancel = provider.capabilities(endpoint).cancelCreate;
      return startJob(
        deps,
        endpoint,
        provider,
        { kind: 'create', stage: `Asking ${provider.info.label} to start a backup`, cancellable: cancel.enabled, cancelNote: provider.info.cancelCreateNote },
        (p, ctx, op) => p.createBackup(ctx, op),
      );
    },
    'backups.backupAsset': async ({ endpointId, assetId }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'backupAsset');
      return startJob(deps, endpoint, provider, { kind: 'backup-asset', stage: `Backing up asset ${assetId}`, cancellable: false }, (p, ctx, op) =>
        p.backupAsset(ctx, assetId, op),
      );
    },
    'backups.restore': async ({ endpointId, backupId, confirmation }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'restore');
      requireConfirmation(confirmation, backupId);
      const cancel = provider.capabilities(endpoint).cancelRestore;
      deps.log.info('restore confirmed', { endpointId, backupId });
      return startJob(
        deps,
        endpoint,
        provider,
        { kind: 'restore', backupId, stage: `Asking ${provider.info.label} to restore ${backupId}`, cancellable: cancel.enabled, cancelNote: provider.info.cancelRestoreNote },
        (p, ctx, op) => p.restoreBackup(ctx, backupId, op),
      );
    },
    'backups.delete': async ({ endpointId, backupId, confirmation }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'delete');
      requireConfirmation(confirmation, backupId);
      return startJob(deps, endpoint, provider, { kind: 'delete', backupId, stage: `Deleting ${backupId}`, cancellable: false }, (p, ctx, op) =>
        p.deleteBackup(ctx, backupId, op),
      );
    },
  };
}
