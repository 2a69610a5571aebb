import type { Capabilities, CapabilityName, Endpoint, Job, JobKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, Provider, ProviderContext } from '../../providers/provider';
import type { z } from 'zod';
import { parseOptions } from '../../providers/parse-options';
import type { JobSpec } from '../jobs/types';
import type { CoreDeps } from './deps';
import { isActive } from './job-state';

export function capabilitiesOf(deps: CoreDeps, endpoint: Endpoint): Capabilities {
  return deps.providers.get(endpoint.kind).capabilities(endpoint, deps.connections.memoFor(endpoint.id));
}

export function requireCapability(deps: CoreDeps, endpoint: Endpoint, name: CapabilityName): Provider {
  const capability = capabilitiesOf(deps, endpoint)[name];
  if (!capability.enabled) {
    throw new AppError('unsupported', capability.reason ?? `${endpoint.name} does not support this action.`);
  }
  return deps.providers.get(endpoint.kind);
}

/** Options cross as plain JSON: the kind's own schema checks them before any job starts. */
export function checkOptions(schema: z.ZodType | undefined, options: Record<string, unknown> | undefined, what: string): void {
  if (schema) parseOptions(schema, options ?? {}, what);
  else if (options && Object.keys(options).length) throw new AppError('validation', `${what}: this kind takes no options.`);
}

/** Main checks the typed confirmation itself, exactly as the UI does: the renderer's enabled button is not proof. */
export function requireConfirmation(typed: string | undefined, expected: string, what = 'the backup id'): void {
  if (typed !== expected) {
    throw new AppError('confirmation-mismatch', `The confirmation does not match ${what}.`, `Type ${expected} exactly to confirm.`);
  }
}

/** Kinds that must not run at the same time on one endpoint. */
const blockers: Record<JobKind, JobKind[]> = {
  create: ['create', 'upload', 'restore', 'factory-reset'],
  'backup-asset': ['restore', 'factory-reset'],
  // A restore may reboot the device: a download in flight (perhaps the safety copy) would die with it.
  restore: ['create', 'upload', 'restore', 'delete', 'backup-asset', 'download', 'factory-reset'],
  delete: ['restore', 'factory-reset'],
  'import-record': ['restore', 'factory-reset'],
  download: ['restore', 'factory-reset'],
  // Appliances: an upload counts against the backup limit like a create, and nothing may run while the device restores or resets.
  upload: ['create', 'upload', 'restore', 'factory-reset'],
  'factory-reset': ['create', 'upload', 'restore', 'delete', 'download', 'backup-asset', 'import-record', 'factory-reset'],
};

function refuseConflicts(deps: CoreDeps, endpoint: Endpoint, kind: JobKind): void {
  const clash = deps.jobs.list().find((j: Job) => j.endpointId === endpoint.id && isActive(j.state) && blockers[kind].includes(j.kind));
  if (clash) {
    throw new AppError('conflict', `A ${clash.kind} job is already running on ${endpoint.name}.`, 'Wait for it to finish, or cancel it from the jobs panel.');
  }
}

/**
 * Runs one provider call with a fresh context. Signing in can teach the provider the user's
 * roles, which changes what the endpoint offers: the renderer is told when that happens.
 */
async function withEndpointContext<T>(deps: CoreDeps, endpoint: Endpoint, use: (ctx: ProviderContext) => Promise<T>): Promise<T> {
  const before = JSON.stringify(capabilitiesOf(deps, endpoint));
  try {
    return await use(await deps.connections.contextFor(endpoint));
  } catch (error) {
    if (error instanceof AppError && error.code === 'unreachable') deps.connections.forget(endpoint.id);
    throw error;
  } finally {
    if (JSON.stringify(capabilitiesOf(deps, endpoint)) !== before) deps.emit('endpoints.changed', {});
  }
}

export function withContext<T>(deps: CoreDeps, endpointId: string, use: (provider: Provider, ctx: ProviderContext) => Promise<T>): Promise<T> {
  const endpoint = deps.endpoints.get(endpointId);
  return withEndpointContext(deps, endpoint, (ctx) => use(deps.providers.get(endpoint.kind), ctx));
}

type Run = (ctx: ProviderContext, op: OperationContext) => Promise<OperationOutcome>;

export function startJob(deps: CoreDeps, endpoint: Endpoint, spec: Omit<JobSpec, 'endpointId' | 'endpointName'>, run: Run): Job {
  refuseConflicts(deps, endpoint, spec.kind);
  deps.log.info('job requested', { kind: spec.kind, endpointId: endpoint.id, backupId: spec.backupId });
  return deps.jobs.start({ ...spec, endpointId: endpoint.id, endpointName: endpoint.name }, async (op) => {
    try {
      return await withEndpointContext(deps, endpoint, (ctx) => run(ctx, op));
    } finally {
      deps.emit('backups.changed', { endpointId: endpoint.id });
    }
  });
}
