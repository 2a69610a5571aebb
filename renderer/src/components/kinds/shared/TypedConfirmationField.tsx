import { useId } from 'react';
import { confirmationMatches } from '../../../lib/confirmation';
import { inputClass } from '../../ui/TextField';

export interface TypedConfirmationFieldProps {
  expectedText: string;
  /** What the text is ("the id of the volume that will be overwritten"), said in the label. */
  what: string;
  value: string;
  onChange(value: string): void;
}

/**
 * The typed confirmation of TypedConfirmDialog, for dialogs that only sometimes need it (a restore
 * whose options decide whether it overwrites anything). Same test ids, same strictness.
 */
export function TypedConfirmationField({ expectedText, what, value, onChange }: TypedConfirmationFieldProps) {
  const id = useId();
  const matches = confirmationMatches(value, expectedText);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        Type <code className="rounded bg-slate-100 px-1 py-0.5 font-mono break-all text-slate-900 dark:bg-slate-800 dark:text-slate-100">{expectedText}</code> ({what}) to confirm
      </label>
      <input
        id={id}
        data-testid="confirm-input"
        value={value}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={value !== '' && !matches ? true : undefined}
        aria-describedby={`${id}-state`}
        onChange={(event) => onChange(event.target.value)}
        className={`${inputClass} font-mono`}
      />
      <p id={`${id}-state`} className="mt-1 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {value === '' ? 'Case-sensitive, exactly as shown.' : matches ? 'Matches.' : 'Does not match yet.'}
      </p>
    </div>
  );
}
