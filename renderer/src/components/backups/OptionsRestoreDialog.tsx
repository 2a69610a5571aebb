import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { KindInfo } from '../../../../shared/domain';
import { confirmationMatches } from '../../lib/confirmation';
import { useRestoreBackup } from '../../queries/use-backup-mutations';
import { restoreConfirmationFor } from '../../../../shared/restore-confirmation';
import { TypedConfirmationField } from '../kinds/shared/TypedConfirmationField';
import type { KindForm, RestoreContext } from '../kinds/types';
import { useFirstFieldRef } from '../kinds/shared/focus-fields';
import { useKindForm } from '../kinds/use-kind-form';
import { Button } from '../ui/Button';
import { DialogFooter } from '../ui/DialogFooter';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ModalDialog } from '../ui/ModalDialog';
import type { RestoreDialogProps } from './RestoreDialog';
import { OptionsRestoreFacts } from './OptionsRestoreFacts';
import { RestoreNotes } from './RestoreNotes';

export interface OptionsRestoreDialogProps extends RestoreDialogProps {
  kind: KindInfo;
  restoreForm: KindForm<unknown, RestoreContext>;
}

/**
 * A restore with the kind's own form. A typed confirmation is asked for only while the chosen
 * options overwrite something, naming what is overwritten (main applies the same shared rule and
 * checks the text again).
 */
export function OptionsRestoreDialog({ endpoint, backup, onClose, kind, restoreForm }: OptionsRestoreDialogProps) {
  const restore = useRestoreBackup();
  const context = useMemo(() => ({ endpoint, backup }), [endpoint, backup]);
  const formRef = useRef<HTMLFormElement>(null);
  const firstField = useFirstFieldRef(formRef);
  const form = useKindForm(restoreForm, context, formRef);
  const [typed, setTyped] = useState('');
  const expected = restoreConfirmationFor(endpoint.kind, backup.id, form.options);
  const needsTyping = expected !== null;
  const blocked = expected !== null && !confirmationMatches(typed, expected.text);
  const Fields = restoreForm.Form;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (restore.isPending || !form.validateForSubmit() || blocked) return;
    restore.mutate(
      { endpointId: endpoint.id, backupId: backup.id, options: form.options, ...(needsTyping ? { confirmation: typed } : {}) },
      { onSuccess: onClose },
    );
  }

  return (
    <ModalDialog title={`Restore ${backup.id}?`} onClose={onClose} testId="confirm-dialog" width="lg" initialFocus={firstField}>
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-4 text-sm" data-needs-confirmation={needsTyping}>
        <p>
          Restore from <strong>{endpoint.name}</strong>:
        </p>
        <OptionsRestoreFacts backup={backup} />
        <Fields context={context} draft={form.draft} onChange={form.onChange} errors={form.errors} />
        <RestoreNotes endpoint={endpoint} kind={kind} warningTitle={needsTyping ? 'What will be overwritten' : 'What the restore does'} />
        {expected && <TypedConfirmationField expectedText={expected.text} what={expected.what} value={typed} onChange={setTyped} />}
        {restore.error && <ErrorMessage title="The restore did not start" error={restore.error} />}
        <DialogFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant={needsTyping ? 'danger' : 'primary'} data-testid="confirm-submit" disabled={restore.isPending || blocked}>
            {restore.isPending ? 'Starting restore…' : needsTyping ? 'Overwrite and restore' : 'Restore'}
          </Button>
        </DialogFooter>
      </form>
    </ModalDialog>
  );
}
