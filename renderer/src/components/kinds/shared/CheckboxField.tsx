import { useId, type ReactNode } from 'react';

export interface CheckboxFieldProps {
  label: ReactNode;
  /** Why one would tick it, and what it costs. */
  help?: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  testId?: string;
}

export function CheckboxField({ label, help, checked, onChange, testId }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={help ? `${id}-help` : undefined}
        className="mt-0.5 size-4 shrink-0 accent-blue-700 dark:accent-blue-400"
      />
      <div className="min-w-0 text-sm">
        <label htmlFor={id} className="font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {help && (
          <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
            {help}
          </p>
        )}
      </div>
    </div>
  );
}
