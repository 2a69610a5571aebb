import { useMemo, useRef, type FormEvent } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import { useCreateBackup } from '../../queries/use-backup-mutations';
import { useKindInfo } from '../../queries/use-kinds';
import { kindUi } from '../kinds/registry';
import { useFirstFieldRef } from '../kinds/shared/focus-fields';
import { useKindForm } from '../kinds/use-kind-form';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import { Callout } from './Callout';

/**
 * "Back up now" for kinds with their own create form. Required fields are checked here first
 * (main validates again); once the job starts the dialog closes and the jobs panel follows it.
 */
export function CreateBackupDialog({ endpoint, onClose }: { endpoint: EndpointView; onClose(): void }) {
  const kind = useKindInfo(endpoint.kind);
  const create = useCreateBackup();
  const createForm = kindUi(endpoint.kind).create;
  const context = useMemo(() => ({ endpoint }), [endpoint]);
  const formRef = useRef<HTMLFormElement>(null);
  const firstField = useFirstFieldRef(formRef);
  const form = useKindForm(createForm, context, formRef);
  const cancel = endpoint.capabilities.cancelCreate;
  const Fields = createForm?.Form;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending || !form.validateForSubmit()) return;
    create.mutate({ endpointId: endpoint.id, options: form.options }, { onSuccess: onClose });
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
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-4 text-sm">
        {Fields && <Fields context={context} draft={form.draft} onChange={form.onChange} errors={form.errors} />}
        <div data-testid="create-cancel-note" data-cancellable={cancel.enabled}>
          <Callout tone="neutral" title="If you cancel while it runs">
            {cancel.enabled ? kind?.cancelCreateNote : `Once started, this backup cannot be cancelled. ${cancel.reason ?? ''}`}
          </Callout>
        </div>
        {create.error && <ErrorMessage title="The backup did not start" error={create.error} testId="create-error" />}
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" data-testid="create-submit" disabled={create.isPending}>
            {create.isPending ? 'Starting…' : 'Start backup'}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
