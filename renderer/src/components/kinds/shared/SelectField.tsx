import { useId, type ReactNode } from 'react';
import { FieldNote, inputClass } from '../../ui/TextField';

export interface SelectFieldProps {
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  testId?: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}

export function SelectField({ label, help, error, testId, value, options, onChange }: SelectFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || help ? noteId : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNote id={noteId} error={error} help={help} />
    </div>
  );
}
