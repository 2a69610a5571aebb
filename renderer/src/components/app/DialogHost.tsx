import { useBackups } from '../../queries/use-backups';
import { useEndpoints } from '../../queries/use-endpoints';
import { useUiStore } from '../../state/ui-store';
import { BackupAssetDialog } from '../backups/BackupAssetDialog';
import { CreateBackupDialog } from '../backups/CreateBackupDialog';
import { DeleteBackupDialog } from '../backups/DeleteBackupDialog';
import { DownloadDialog } from '../backups/DownloadDialog';
import { ImportRecordDialog } from '../backups/ImportRecordDialog';
import { RestoreDialog } from '../backups/RestoreDialog';
import { EndpointFormDialog } from '../endpoints/EndpointFormDialog';
import { ImportEndpointsDialog } from '../endpoints/ImportEndpointsDialog';
import { RemoveEndpointDialog } from '../endpoints/RemoveEndpointDialog';
import { FactoryResetDialog } from '../reset/FactoryResetDialog';
import { UploadDialog } from '../uploads/UploadDialog';

/**
 * Renders the one open dialog. The store holds only ids; records come from the query cache, so
 * a dialog whose endpoint or backup vanished (removed elsewhere) simply closes.
 */
export function DialogHost() {
  const dialog = useUiStore((state) => state.dialog);
  const closeDialog = useUiStore((state) => state.closeDialog);
  const { data: endpoints } = useEndpoints();
  const endpointId = dialog && 'endpointId' in dialog ? dialog.endpointId : undefined;
  const { data: backups } = useBackups(dialog?.type === 'restore' || dialog?.type === 'delete' || dialog?.type === 'download' ? endpointId : undefined);

  if (!dialog) return null;
  if (dialog.type === 'endpoint-form') return <EndpointFormDialog endpointId={dialog.endpointId} onClose={closeDialog} />;
  if (dialog.type === 'import-endpoints') return <ImportEndpointsDialog onClose={closeDialog} />;

  const endpoint = endpoints?.find((e) => e.id === dialog.endpointId);
  if (!endpoint) return null;
  if (dialog.type === 'remove-endpoint') return <RemoveEndpointDialog endpoint={endpoint} onClose={closeDialog} />;
  if (dialog.type === 'backup-asset') return <BackupAssetDialog endpoint={endpoint} onClose={closeDialog} />;
  if (dialog.type === 'create-backup') return <CreateBackupDialog endpoint={endpoint} presetDownload={dialog.presetDownload ?? false} onClose={closeDialog} />;
  if (dialog.type === 'upload') return <UploadDialog endpoint={endpoint} file={dialog.file} onClose={closeDialog} />;
  if (dialog.type === 'factory-reset') return <FactoryResetDialog endpoint={endpoint} onClose={closeDialog} />;
  if (dialog.type === 'import-record') return <ImportRecordDialog endpoint={endpoint} onClose={closeDialog} />;

  const backup = backups?.find((b) => b.id === dialog.backupId);
  if (!backup) return null;
  if (dialog.type === 'restore') return <RestoreDialog endpoint={endpoint} backup={backup} onClose={closeDialog} />;
  if (dialog.type === 'download') return <DownloadDialog endpoint={endpoint} backup={backup} onClose={closeDialog} />;
  return <DeleteBackupDialog endpoint={endpoint} backup={backup} onClose={closeDialog} />;
}
