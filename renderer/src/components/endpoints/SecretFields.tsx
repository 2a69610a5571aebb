import type { KindInfo } from '../../../../shared/domain';
import { TextField } from '../ui/TextField';

export interface SecretFieldsProps {
  fields: KindInfo['secretFields'];
  values: Record<string, string>;
  /** Names of secrets main already holds for this endpoint. */
  stored: readonly string[];
  onChange(name: string, value: string): void;
}

/** Write-only: stored values never come back to the window; a blank field keeps what is stored. */
export function SecretFields({ fields, values, stored, onChange }: SecretFieldsProps) {
  if (fields.length === 0) return null;
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">Credentials</legend>
      {fields.map((field) => {
        const isStored = stored.includes(field.name);
        return (
          <TextField
            key={field.name}
            label={field.label}
            type="password"
            autoComplete="new-password"
            testId={`endpoint-secret-${field.name}`}
            value={values[field.name] ?? ''}
            placeholder={isStored ? 'stored — leave blank to keep' : ''}
            help={isStored ? 'A value is stored. Type a new one to replace it.' : 'Kept encrypted by the app; never shown again.'}
            onChange={(event) => onChange(field.name, event.target.value)}
          />
        );
      })}
    </fieldset>
  );
}
