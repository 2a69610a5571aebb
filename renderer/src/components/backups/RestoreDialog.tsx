import type { EndpointView } from '../../../../shared/contract';
import type { Backup } from '../../../../shared/domain';
import { useKindInfo, useKinds } from '../../queries/use-kinds';
import { useRestoreBackup } from '../../queries/use-backup-mutations';
import { TypedConfirmDialog } from '../confirm/TypedConfirmDialog';
import { kindUi } from '../kinds/registry';
import { BackupFacts } from './BackupFacts';
import { OptionsRestoreDialog } from './OptionsRestoreDialog';
import { RestoreNotes } from './RestoreNotes';

export interface RestoreDialogProps {
  endpoint: EndpointView;
  backup: Backup;
  onClose(): void;
}

/** Kinds with their own restore form get it (and a typed confirmation only when it overwrites); the rest always confirm by typing the id. */
export function RestoreDialog(props: RestoreDialogProps) {
  const kinds = useKinds();
  const kind = useKindInfo(props.endpoint.kind);
  const ui = kindUi(props.endpoint.kind);
  // Waiting for the kind avoids opening one dialog and swapping it for another.
  if (kinds.isPending) return null;
  if (kind?.hasRestoreOptions && ui.restore) return <OptionsRestoreDialog {...props} kind={kind} restoreForm={ui.restore} />;
  return <TypedRestoreDialog {...props} />;
}

function TypedRestoreDialog({ endpoint, backup, onClose }: RestoreDialogProps) {
  const kind = useKindInfo(endpoint.kind);
  const restore = useRestoreBackup();
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
      <RestoreNotes endpoint={endpoint} kind={kind} warningTitle="What will be overwritten" />
    </TypedConfirmDialog>
  );
}
