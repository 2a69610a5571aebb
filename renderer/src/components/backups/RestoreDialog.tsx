import type { EndpointView } from '../../../../shared/contract';
import type { Backup } from '../../../../shared/domain';
import { useKindInfo } from '../../queries/use-kinds';
import { useRestoreBackup } from '../../queries/use-backup-mutations';
import { TypedConfirmDialog } from '../confirm/TypedConfirmDialog';
import { BackupFacts } from './BackupFacts';
import { Callout } from './Callout';

export function RestoreDialog({ endpoint, backup, onClose }: { endpoint: EndpointView; backup: Backup; onClose(): void }) {
  const kind = useKindInfo(endpoint.kind);
  const restore = useRestoreBackup();
  const cancel = endpoint.capabilities.cancelRestore;
  return (
    <TypedConfirmDialog
      title={`Restore ${backup.id}?`}
      expectedText={backup.id}
      confirmLabel="Restore"
      pendingLabel="Starting restore…"
      pending={restore.isPending}
      error={restore.error}
      onClose={onClose}
      onConfirm={(confirmation) =>
        restore.mutate({ endpointId: endpoint.id, backupId: backup.id, confirmation }, { onSuccess: onClose })
      }
    >
      <p>
        Restore onto <strong>{endpoint.name}</strong>
        {endpoint.url ? (
          <>
            {' '}
            at <span className="font-mono text-xs break-all">{endpoint.url}</span>
          </>
        ) : null}
        :
      </p>
      <BackupFacts backup={backup} />
      <Callout tone="warning" title="What will be overwritten">
        {kind?.restoreWarning ?? 'The current data on this endpoint is replaced by the backup.'}
      </Callout>
      <Callout tone="neutral" title="If you cancel while it runs">
        {cancel.enabled ? kind?.cancelRestoreNote : `Once started, this restore cannot be cancelled. ${cancel.reason ?? ''}`}
      </Callout>
    </TypedConfirmDialog>
  );
}
