import { useId, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/TextField';
import type { FieldErrors } from '../types';
import type { MetadataRow } from './metadata-rows';

export interface MetadataRowsFieldProps {
  rows: readonly MetadataRow[];
  onChange(rows: MetadataRow[]): void;
  /** Keyed `metadata.<row index>`. */
  errors: FieldErrors;
  help?: ReactNode;
  testId: string;
}

/** Key/value rows; an empty list sends no metadata at all. */
export function MetadataRowsField({ rows, onChange, errors, help, testId }: MetadataRowsFieldProps) {
  const id = useId();
  const update = (index: number, patch: Partial<MetadataRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset data-testid={testId} aria-describedby={help ? `${id}-help` : undefined} className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Metadata (optional)</legend>
      {help && (
        <p id={`${id}-help`} className="mb-2 text-xs text-slate-600 dark:text-slate-400">
          {help}
        </p>
      )}
      <ul className="space-y-2">
        {rows.map((row, index) => {
          const error = errors[`metadata.${index}`];
          return (
            <li key={index}>
              <div className="flex items-center gap-2">
                <input
                  aria-label={`Key ${index + 1}`}
                  data-testid={`${testId}-key`}
                  value={row.key}
                  maxLength={300}
                  spellCheck={false}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-${index}-error` : undefined}
                  onChange={(event) => update(index, { key: event.target.value })}
                  className={`${inputClass} font-mono`}
                />
                <input
                  aria-label={`Value ${index + 1}`}
                  data-testid={`${testId}-value`}
                  value={row.value}
                  maxLength={300}
                  onChange={(event) => update(index, { value: event.target.value })}
                  className={inputClass}
                />
                <Button size="sm" variant="ghost" aria-label={`Remove metadata row ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                  Remove
                </Button>
              </div>
              {error && (
                <p id={`${id}-${index}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <Button size="sm" className="mt-2" data-testid={`${testId}-add`} onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add a key and value
      </Button>
    </fieldset>
  );
}
