import { useId } from 'react';
import type { SettingField } from '../../../../shared/domain';
import { FieldNote, inputClass, TextField } from '../ui/TextField';

export interface SettingInputProps {
  field: SettingField;
  value: string;
  error?: string;
  onChange(value: string): void;
}

/** One kind-declared setting: a choice when it has options, free text otherwise. */
export function SettingInput({ field, value, error, onChange }: SettingInputProps) {
  const id = useId();
  const testId = `endpoint-setting-${field.name}`;
  if (field.type !== 'select') {
    return (
      <TextField
        label={field.label}
        testId={testId}
        value={value}
        spellCheck={false}
        autoComplete="off"
        placeholder={field.placeholder}
        help={field.help}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const options = field.options ?? [];
  const known = options.some((option) => option.value === value);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {field.label}
      </label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || field.help ? `${id}-note` : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      >
        {/* A saved value the kind no longer offers stays visible rather than silently changing. */}
        {!known && <option value={value}>{value === '' ? (field.placeholder ?? 'Choose…') : value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNote id={`${id}-note`} error={error} help={field.help} />
    </div>
  );
}
