import { CheckboxField } from '../shared/CheckboxField';
import { TextAreaField } from '../shared/TextAreaField';
import type { CreateContext, KindFormProps } from '../types';
import { maxJujuNotes, type JujuCreateDraft } from './create-options';

/**
 * A Juju controller backs up its whole state: there is nothing to pick, only notes. Whether the
 * controller speaks Juju 2.x is not in the contract, so keep-copy is offered with its limit said.
 */
export function JujuCreateForm({ draft, onChange, errors }: KindFormProps<JujuCreateDraft, CreateContext>) {
  return (
    <div className="space-y-4">
      <TextAreaField
        label="Notes (optional)"
        testId="create-notes"
        value={draft.notes}
        maxLength={maxJujuNotes}
        rows={3}
        onChange={(e) => onChange({ notes: e.target.value })}
        error={errors.notes}
        help={`Stored with the backup, e.g. why it was taken. Up to ${maxJujuNotes} characters.`}
      />
      <CheckboxField
        label="Keep a copy on the controller"
        testId="create-keep-copy"
        checked={draft.keepCopy}
        onChange={(keepCopy) => onChange({ keepCopy })}
        help="Juju 2.x only: keep a copy on the controller after download."
      />
    </div>
  );
}
