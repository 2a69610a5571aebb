import { useId, useRef, useState, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { useClient } from '../../hooks/use-client';
import { useKindInfo } from '../../queries/use-kinds';
import { useUiStore } from '../../state/ui-store';
import { BackupLimitNotice } from '../backups/BackupLimitNotice';
import { BlockedReason } from '../backups/BlockedReason';
import { Callout } from '../backups/Callout';
import { useBackupLimit } from '../backups/use-backup-limit';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ModalDialog } from '../ui/ModalDialog';
import { HiddenFileInput } from './HiddenFileInput';
import { UploadCheckFindings } from './UploadCheckFindings';
import { UploadFileSummary } from './UploadFileSummary';
import { useStartUpload } from './use-start-upload';
import { useUploadCheck, type UploadCheckState } from './use-upload-check';

export interface UploadDialogProps {
  endpoint: EndpointView;
  file: File;
  onClose(): void;
}

/**
 * Sends a backup file the operator dropped or picked. Everything that can be known before sending
 * is checked here (gzip signature, main's findings, the backup limit); once started the dialog
 * closes and the jobs panel follows the transfer (bytes, rate, ETA, cancel).
 */
export function UploadDialog({ endpoint, file, onClose }: UploadDialogProps) {
  const client = useClient();
  const kind = useKindInfo(endpoint.kind);
  const openDialog = useUiStore((state) => state.openDialog);
  const check = useUploadCheck(endpoint.id, file);
  const limit = useBackupLimit(endpoint);
  const upload = useStartUpload();
  // Accepting warnings is about this file: another one picked here must be accepted again.
  const [acceptedFor, setAcceptedFor] = useState<File | null>(null);
  const accepted = acceptedFor === file;
  const blockedId = useId();
  const pickerRef = useRef<HTMLInputElement>(null);
  const blocked = blockedReason(check, accepted) ?? limit.blockedReason;
  const capability = endpoint.capabilities.upload;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (blocked || !capability.enabled) return;
    const deleteFirst = limit.deleteFirst;
    upload.mutate({ request: { endpointId: endpoint.id, warningsAccepted: check.warnings.length > 0 && accepted, ...(deleteFirst ? { deleteFirst } : {}) }, file });
    onClose();
  }

  return (
    <ModalDialog
      title={`Upload a backup to ${endpoint.name}`}
      description={`Sends the file to ${kind?.label ?? endpoint.kind} ${endpoint.url ? `at ${endpoint.url.replace(/^https?:\/\//, '')} ` : ''}as a new backup.`}
      onClose={onClose}
      testId="upload-dialog"
      width="lg"
    >
      <form onSubmit={submit} noValidate className="space-y-4 text-sm">
        <UploadFileSummary file={file} knownDownload={check.knownDownload} />
        <UploadCheckFindings check={check} accepted={accepted} onAcceptedChange={(checked) => setAcceptedFor(checked ? file : null)} />
        {check.problems.length === 0 && <BackupLimitNotice limit={limit} action="upload" />}
        {kind?.uploadNote && (
          <Callout tone="neutral" title={`About uploads to ${kind.label}`}>
            {kind.uploadNote}
          </Callout>
        )}
        {client.host === 'web' && check.problems.length === 0 && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            The file is sent from this browser tab: keep it open until the upload has finished. The jobs panel shows its progress.
          </p>
        )}
        {!capability.enabled && (
          <Callout tone="warning" title={`${endpoint.name} cannot take an upload now`}>
            {capability.reason ?? 'Try again later.'}
          </Callout>
        )}
        <DialogFooter>
          <BlockedReason id={blockedId} reason={blocked} testId="upload-blocked-reason" />
          <Button data-testid="upload-choose-other" className="mr-auto" onClick={() => pickerRef.current?.click()}>
            Choose another file…
          </Button>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant={limit.deleteFirst ? 'danger' : 'primary'}
            data-testid="upload-submit"
            unavailable={Boolean(blocked) || !capability.enabled}
            aria-describedby={blocked ? blockedId : undefined}
          >
            {limit.deleteFirst ? 'Delete oldest and upload' : 'Upload'}
          </Button>
        </DialogFooter>
        <HiddenFileInput inputRef={pickerRef} testId="upload-other-file-input" onFile={(next) => openDialog({ type: 'upload', endpointId: endpoint.id, file: next })} />
      </form>
    </ModalDialog>
  );
}

function blockedReason(check: UploadCheckState, accepted: boolean): string | undefined {
  if (check.problems.length > 0) return 'This file cannot be uploaded: see above, or choose another file.';
  if (check.status === 'checking') return 'Checking the file…';
  if (check.status === 'failed') return 'The file has not been checked yet: retry the check above.';
  if (check.warnings.length > 0 && !accepted) return 'Tick “I understand, upload anyway” to go on.';
  return undefined;
}
