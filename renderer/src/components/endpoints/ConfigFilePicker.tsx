import { useId } from 'react';
import { inputClass } from '../ui/TextField';

/** The keyboard path to a config file; dropping the file on the dialog does the same. */
export function ConfigFilePicker({ label, disabled, onFile }: { label: string; disabled: boolean; onFile(file: File): void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        Choose your {label}
      </label>
      <input
        id={id}
        type="file"
        data-testid="config-file-input"
        accept=".yaml,.yml,.json,text/yaml,application/yaml,text/plain"
        disabled={disabled}
        aria-describedby={`${id}-note`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so picking the same file again (after fixing it) reads it again.
          event.target.value = '';
          if (file) onFile(file);
        }}
        className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1 file:text-sm file:font-medium dark:file:bg-slate-800 dark:file:text-slate-100`}
      />
      <p id={`${id}-note`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Or drop it on this dialog. It is read here and sent to the app once; passwords and secrets in it go straight to the
        encrypted store.
      </p>
    </div>
  );
}
