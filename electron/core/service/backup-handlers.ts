import type { CallHandlers } from '../../../shared/contract';
import { restoreConfirmationFor } from '../../../shared/restore-confirmation';
import type { CoreDeps } from './deps';
import { afterDeleteFirst, checkDeleteFirst } from './delete-first';
import { openCheckedSink, startWithSink, withSink } from './file-handlers';
import { capabilitiesOf, checkOptions, requireCapability, requireConfirmation, startJob, withContext } from './provider-calls';

type BackupHandlers = Pick<
  CallHandlers,
  'backups.list' | 'backups.get' | 'backups.create' | 'backups.backupAsset' | 'backups.restore' | 'backups.delete'
>;

export function backupHandlers(deps: CoreDeps): BackupHandlers {
  return {
    'backups.list': ({ endpointId, filters }) => withContext(deps, endpointId, (p, ctx) => p.listBackups(ctx, filters ?? {})),
    'backups.get': ({ endpointId, backupId }) => withContext(deps, endpointId, (p, ctx) => p.getBackup(ctx, backupId)),
    'backups.create': async ({ endpointId, options, download, deleteFirst }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'create');
      checkOptions(provider.createOptionsSchema, options, 'Backup options');
      if (download) requireCapability(deps, endpoint, 'download');
      checkDeleteFirst(deps, endpoint, deleteFirst);
      const cancel = capabilitiesOf(deps, endpoint).cancelCreate;
      // Saving the new backup here can take long on a slow link: that part can always be stopped.
      const spec = {
        kind: 'create' as const,
        stage: `Asking ${provider.info.label} to start a backup`,
        cancellable: cancel.enabled || Boolean(download),
        cancelNote: cancel.enabled || !download ? provider.info.cancelCreateNote : 'Cancelling stops following the backup and its download; the partial file is removed. The backup itself is made on the endpoint anyway.',
      };
      if (!download) {
        return startJob(deps, endpoint, spec, (ctx, op) => afterDeleteFirst(provider, ctx, op, deleteFirst, () => provider.createBackup(ctx, op, options)));
      }
      const sink = await openCheckedSink(download, deps.saveRules);
      return startWithSink(sink, () =>
        startJob(deps, endpoint, spec, (ctx, op) =>
          withSink({ deps, endpoint, op }, sink, (s) => afterDeleteFirst(provider, ctx, op, deleteFirst, () => provider.createBackup(ctx, op, options, s))),
        ),
      );
    },
    'backups.backupAsset': async ({ endpointId, assetId }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'backupAsset');
      return startJob(deps, endpoint, { kind: 'backup-asset', stage: `Backing up asset ${assetId}`, cancellable: false }, (ctx, op) =>
        provider.backupAsset(ctx, assetId, op),
      );
    },
    'backups.restore': async ({ endpointId, backupId, confirmation, options }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'restore');
      checkOptions(provider.restoreOptionsSchema, options, 'Restore options');
      const expected = restoreConfirmationFor(endpoint.kind, backupId, options);
      if (expected) requireConfirmation(confirmation, expected.text, expected.what);
      const cancel = capabilitiesOf(deps, endpoint).cancelRestore;
      deps.log.info('restore confirmed', { endpointId, backupId });
      return startJob(
        deps,
        endpoint,
        { kind: 'restore', backupId, stage: `Asking ${provider.info.label} to restore ${backupId}`, cancellable: cancel.enabled, cancelNote: provider.info.cancelRestoreNote },
        (ctx, op) => provider.restoreBackup(ctx, backupId, op, options),
      );
    },
    'backups.delete': async ({ endpointId, backupId, confirmation }) => {
      const endpoint = deps.endpoints.get(endpointId);
      const provider = requireCapability(deps, endpoint, 'delete');
      requireConfirmation(confirmation, backupId);
      return startJob(deps, endpoint, { kind: 'delete', backupId, stage: `Deleting ${backupId}`, cancellable: false }, (ctx, op) =>
        provider.deleteBackup(ctx, backupId, op),
      );
    },
  };
}
