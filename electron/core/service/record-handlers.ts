import type { CallHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Provider } from '../../providers/provider';
import type { CoreDeps } from './deps';
import { requireCapability, startJob, withContext } from './provider-calls';

type RecordHandlers = Pick<CallHandlers, 'backups.exportRecord' | 'backups.importRecord' | 'resources.list'>;

function missing(provider: Provider, what: string): never {
  throw new AppError('unsupported', `${provider.info.label} endpoints cannot ${what}.`);
}

/** Backup records (Cinder export/import) and the resources create and restore forms pick from. */
export function recordHandlers(deps: CoreDeps): RecordHandlers {
  return {
    'backups.exportRecord': async ({ endpointId, backupId }) => {
      const provider = requireCapability(deps, deps.endpoints.get(endpointId), 'exportRecord');
      deps.log.info('backup record export', { endpointId, backupId });
      return withContext(deps, endpointId, (_, ctx) => (provider.exportRecord ?? missing(provider, 'export backup records')).call(provider, ctx, backupId));
    },
    'backups.importRecord': async ({ endpointId, text }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'importRecord');
      const importRecord = provider.importRecord ?? missing(provider, 'import backup records');
      return startJob(deps, endpoint, { kind: 'import-record', stage: 'Sending the backup record', cancellable: false }, (ctx, op) =>
        importRecord.call(provider, ctx, text, op),
      );
    },
    'resources.list': ({ endpointId, type }) =>
      withContext(deps, endpointId, (provider, ctx) => (provider.listResources ?? missing(provider, `list ${type}`)).call(provider, ctx, type)),
  };
}
