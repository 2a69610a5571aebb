import type { KindInfo } from '../../../../shared/domain';
import { isShown } from '../../lib/setting-fields';
import { SettingInput } from './SettingInput';

export interface SettingFieldsProps {
  kind: KindInfo;
  values: Record<string, string>;
  /** Errors by field name (main names the field in its validation message). */
  errors: Readonly<Record<string, string | undefined>>;
  onChange(name: string, value: string): void;
}

/**
 * The kind's settings in the order it declares them. A field other fields depend on (the sign-in
 * method) takes a whole row; the rest pair up, which keeps "name / ID" alternatives side by side.
 */
export function SettingFields({ kind, values, errors, onChange }: SettingFieldsProps) {
  const shown = kind.settingFields.filter((field) => isShown(field.showWhen, values));
  if (shown.length === 0) return null;
  const controlling = new Set([...kind.settingFields, ...kind.secretFields].map((field) => field.showWhen?.field).filter(Boolean));
  return (
    <fieldset data-testid="endpoint-settings" className="space-y-3 rounded-md border border-slate-200 px-3 pt-1 pb-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-medium text-slate-800 dark:text-slate-200">{kind.label} settings</legend>
      <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2">
        {shown.map((field) => (
          <div key={field.name} className={controlling.has(field.name) ? 'sm:col-span-2' : undefined}>
            <SettingInput field={field} value={values[field.name] ?? ''} error={errors[field.name]} onChange={(value) => onChange(field.name, value)} />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
