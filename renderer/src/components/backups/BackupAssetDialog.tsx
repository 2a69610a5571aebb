import { useRef, useState, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { useBackupAsset } from '../../queries/use-backup-mutations';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { TextField } from '../ui/TextField';

export function BackupAssetDialog({ endpoint, onClose }: { endpoint: EndpointView; onClose(): void }) {
  const backupAsset = useBackupAsset();
  const [assetId, setAssetId] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const error = submitted && assetId.trim() === '' ? 'Enter the id of the asset to back up' : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (assetId.trim() === '') return;
    backupAsset.mutate({ endpointId: endpoint.id, assetId: assetId.trim() }, { onSuccess: onClose });
  }

  return (
    <ModalDialog
      title="Back up an asset"
      description={`Creates a backup of a single asset on ${endpoint.name}.`}
      onClose={onClose}
      initialFocus={inputRef}
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          ref={inputRef}
          label="Asset id"
          testId="asset-id"
          value={assetId}
          spellCheck={false}
          maxLength={512}
          onChange={(event) => setAssetId(event.target.value)}
          error={error}
        />
        {backupAsset.error && <ErrorMessage title="The backup did not start" error={backupAsset.error} />}
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" data-testid="backup-asset-submit" disabled={backupAsset.isPending}>
            {backupAsset.isPending ? 'Starting…' : 'Back up asset'}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
