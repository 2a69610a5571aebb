import { useRef, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { Backup } from '../../../../shared/domain';
import { suggestedBackupFileName, type SaveDestination } from '../../lib/save-location';
import { useDownloadBackup } from '../../queries/use-download';
import { useKindInfo } from '../../queries/use-kinds';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { DownloadNotes } from './DownloadNotes';
import { SaveLocationField } from './SaveLocationField';
import { isDestinationError, useSaveLocation } from './use-save-location';

/**
 * Saves a backup as a file. The kind's note (what downloading costs) is read before anything
 * starts; once the job starts the dialog closes and the jobs panel shows its progress.
 */
export function DownloadDialog({ endpoint, backup, onClose }: { endpoint: EndpointView; backup: Backup; onClose(): void }) {
  const kind = useKindInfo(endpoint.kind);
  const download = useDownloadBackup();
  const location = useSaveLocation(suggestedBackupFileName(backup), { active: true, focusPrefilled: true });
  const submitRef = useRef<HTMLButtonElement>(null);
  const busy = download.isPending || location.asking;
  const sentPath = download.variables?.destination.path;
  const generalError = download.error && !isDestinationError(download.error, sentPath) ? download.error : null;

  function send(destination: SaveDestination) {
    download.mutate(
      { endpointId: endpoint.id, backupId: backup.id, destination },
      { onSuccess: onClose, onError: (error) => location.refused(error, destination.path) },
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const destination = await location.resolve();
    if (destination) send(destination);
  }

  function replace() {
    const destination = location.replace();
    if (destination && !busy) send(destination);
  }

  return (
    <ModalDialog
      title={`Download ${backup.name ?? backup.id}`}
      description={`Saves a copy of this ${kind?.label ?? endpoint.kind} backup as a file.`}
      onClose={onClose}
      testId="download-dialog"
      initialFocus={submitRef}
    >
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4 text-sm">
        <DownloadNotes note={kind?.downloadNote} />
        <SaveLocationField location={location} testId="download-path" onReplace={replace} disabled={download.isPending} />
        {location.askError != null && <ErrorMessage title="Could not ask where to save the file" error={location.askError} />}
        {generalError && <ErrorMessage testId="download-error" title="The download did not start" error={generalError} />}
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button ref={submitRef} type="submit" variant="primary" data-testid="download-submit" disabled={download.isPending} aria-busy={busy || undefined}>
            {download.isPending ? 'Starting…' : location.state.mode === 'ask' ? 'Download…' : 'Download'}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
