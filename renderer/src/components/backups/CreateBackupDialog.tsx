import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { suggestedNewBackupFileName, type SaveDestination } from '../../lib/save-location';
import { useKindInfo } from '../../queries/use-kinds';
import { kindUi } from '../kinds/registry';
import { useFirstFieldRef } from '../kinds/shared/focus-fields';
import { useKindForm } from '../kinds/use-kind-form';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { BackupLimitNotice } from './BackupLimitNotice';
import { BlockedReason } from './BlockedReason';
import { Callout } from './Callout';
import { CreateDownloadOption } from './CreateDownloadOption';
import { useBackupLimit } from './use-backup-limit';
import { useCreateBackupJob } from './use-create-backup-job';
import { isDestinationError, useSaveLocation } from './use-save-location';

export interface CreateBackupDialogProps {
  endpoint: EndpointView;
  /** Open with "save it on this computer" ticked, and warn when it is unticked (the safety backup before a factory reset). */
  presetDownload?: boolean;
  onClose(): void;
}

/**
 * "Back up now" for kinds with their own create form. Required fields are checked here first
 * (main validates again); once the job starts the dialog closes and the jobs panel follows it.
 * Kinds whose backups can be downloaded also offer to save the new backup here in the same job;
 * kinds that keep only a few backups offer to delete the oldest first.
 */
export function CreateBackupDialog({ endpoint, presetDownload = false, onClose }: CreateBackupDialogProps) {
  const kind = useKindInfo(endpoint.kind);
  const create = useCreateBackupJob();
  const limit = useBackupLimit(endpoint);
  const blockedId = useId();
  const createForm = kindUi(endpoint.kind).create;
  const context = useMemo(() => ({ endpoint }), [endpoint]);
  const formRef = useRef<HTMLFormElement>(null);
  const firstField = useFirstFieldRef(formRef);
  const form = useKindForm(createForm, context, formRef);
  const cancel = endpoint.capabilities.cancelCreate;
  const canDownload = endpoint.capabilities.download.enabled;
  const [saveCopy, setSaveCopy] = useState(canDownload || presetDownload);
  const [suggestedName] = useState(() => suggestedNewBackupFileName(endpoint.name, new Date()));
  const location = useSaveLocation(suggestedName, { active: canDownload && saveCopy, focusPrefilled: false });
  const wantsDownload = canDownload && saveCopy;
  const sentPath = create.variables?.download?.path;
  const generalError = create.error && !isDestinationError(create.error, sentPath) ? create.error : null;
  const Fields = createForm?.Form;

  function send(download: SaveDestination | undefined) {
    const deleteFirst = limit.deleteFirst;
    create.mutate(
      { endpointId: endpoint.id, options: form.options, ...(download ? { download } : {}), ...(deleteFirst ? { deleteFirst } : {}) },
      { onSuccess: onClose, onError: (error) => download && location.refused(error, download.path) },
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending || location.asking || limit.blockedReason || !form.validateForSubmit()) return;
    if (!wantsDownload) return send(undefined);
    const destination = await location.resolve();
    if (destination) send(destination);
  }

  function replace() {
    const destination = location.replace();
    if (destination && !create.isPending && !limit.blockedReason) send(destination);
  }

  return (
    <ModalDialog
      title={`Back up ${endpoint.name}`}
      description={kind ? `A new backup on ${kind.label}.` : undefined}
      onClose={onClose}
      testId="create-dialog"
      width="lg"
      initialFocus={firstField}
    >
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="space-y-4 text-sm">
        {Fields && <Fields context={context} draft={form.draft} onChange={form.onChange} errors={form.errors} />}
        <BackupLimitNotice limit={limit} action="create" />
        {canDownload && (
          <CreateDownloadOption
            checked={saveCopy}
            onCheckedChange={setSaveCopy}
            location={location}
            note={kind?.downloadNote}
            onReplace={replace}
            disabled={create.isPending}
            requested={presetDownload}
            endpointName={endpoint.name}
          />
        )}
        {presetDownload && !canDownload && (
          <Callout tone="warning" title="This backup cannot be saved on this computer">
            {endpoint.capabilities.download.reason ?? `${kind?.label ?? 'This endpoint'} does not offer downloads.`}
          </Callout>
        )}
        {wantsDownload && location.askError != null && <ErrorMessage title="Could not ask where to save the file" error={location.askError} />}
        <div data-testid="create-cancel-note" data-cancellable={cancel.enabled}>
          <Callout tone="neutral" title="If you cancel while it runs">
            {cancel.enabled ? kind?.cancelCreateNote : `Once started, this backup cannot be cancelled. ${cancel.reason ?? ''}`}
          </Callout>
        </div>
        {generalError && <ErrorMessage title="The backup did not start" error={generalError} testId="create-error" />}
        <DialogFooter>
          <BlockedReason id={blockedId} reason={limit.blockedReason} testId="create-blocked-reason" />
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant={limit.deleteFirst ? 'danger' : 'primary'}
            data-testid="create-submit"
            disabled={create.isPending}
            unavailable={Boolean(limit.blockedReason)}
            aria-describedby={limit.blockedReason ? blockedId : undefined}
          >
            {create.isPending ? 'Starting…' : `${limit.deleteFirst ? 'Delete oldest and start backup' : 'Start backup'}${wantsDownload && location.state.mode === 'ask' ? '…' : ''}`}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
