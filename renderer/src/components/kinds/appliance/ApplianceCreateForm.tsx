import { TextField } from '../../ui/TextField';
import type { CreateContext, KindFormProps } from '../types';
import { maxApplianceDescription, type ApplianceCreateDraft } from './create-options';

/** An appliance backs up its whole configuration: the only choice is a description to recognise it by. */
export function ApplianceCreateForm({ draft, onChange, errors }: KindFormProps<ApplianceCreateDraft, CreateContext>) {
  const length = draft.description.length;
  const over = length > maxApplianceDescription;
  return (
    <TextField
      label={
        <span className="flex items-baseline justify-between gap-3">
          <span>Description (optional)</span>
          <span
            data-testid="create-description-count"
            aria-hidden="true"
            className={`text-xs font-normal tabular-nums ${over ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}
          >
            {length} / {maxApplianceDescription}
          </span>
        </span>
      }
      testId="create-description"
      value={draft.description}
      onChange={(event) => onChange({ description: event.target.value })}
      error={errors.description}
      help={
        <>
          Stored with the backup on the appliance and shown in the list, e.g. “before firmware upgrade”. Up to {maxApplianceDescription} characters.
          <span className="sr-only"> {length} used.</span>
        </>
      }
      autoComplete="off"
    />
  );
}
