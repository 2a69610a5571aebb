import { useId } from 'react';
import type { CinderRestoreTarget } from './restore-options';

const choices: readonly { value: CinderRestoreTarget; label: string; help: string }[] = [
  { value: 'new', label: 'A new volume', help: 'Nothing is overwritten.' },
  { value: 'existing', label: 'An existing volume', help: 'All data on that volume is overwritten.' },
];

export function RestoreTargetField({ value, onChange }: { value: CinderRestoreTarget; onChange(target: CinderRestoreTarget): void }) {
  const name = useId();
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Restore to</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {choices.map((choice) => (
          <div key={choice.value} className="flex items-start gap-2 text-sm">
            <input
              id={`${name}-${choice.value}`}
              type="radio"
              name={name}
              value={choice.value}
              data-testid={`restore-target-${choice.value}`}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={`${name}-${choice.value}-help`}
              className="mt-0.5 size-4 shrink-0 accent-blue-700 dark:accent-blue-400"
            />
            <div>
              <label htmlFor={`${name}-${choice.value}`} className="font-medium">
                {choice.label}
              </label>
              <p id={`${name}-${choice.value}-help`} className="text-xs text-slate-600 dark:text-slate-400">
                {choice.help}
              </p>
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
