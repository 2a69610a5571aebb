import type { EndpointView } from '../../../../shared/contract';
import type { Backup } from '../../../../shared/domain';
import { useDeleteBackup } from '../../queries/use-backup-mutations';
import { TypedConfirmDialog } from '../confirm/TypedConfirmDialog';
import { BackupFacts } from './BackupFacts';
import { Callout } from './Callout';

export function DeleteBackupDialog({ endpoint, backup, onClose }: { endpoint: EndpointView; backup: Backup; onClose(): void }) {
  const remove = useDeleteBackup();
  return (
    <TypedConfirmDialog
      title={`Delete ${backup.id}?`}
      expectedText={backup.id}
      confirmLabel="Delete backup"
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={(confirmation) =>
        remove.mutate({ endpointId: endpoint.id, backupId: backup.id, confirmation }, { onSuccess: onClose })
      }
    >
      <p>
        Delete this backup from <strong>{endpoint.name}</strong>
        {endpoint.url ? (
          <>
            {' '}
            at <span className="font-mono text-xs break-all">{endpoint.url}</span>
          </>
        ) : null}
        :
      </p>
      <BackupFacts backup={backup} />
      <Callout tone="warning" title="This cannot be undone">
        The backup is removed from the endpoint. It can no longer be restored from anywhere.
      </Callout>
    </TypedConfirmDialog>
  );
}
