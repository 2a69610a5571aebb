import { useState, type FormEvent } from 'react';
import { defaultImportedName } from '../../lib/config-file';
import { TextField } from '../ui/TextField';

export interface ConfigEntryChooserProps {
  fileName: string;
  entries: readonly string[];
  kindLabel: string;
  /** What one entry is ("cloud", "controller"), from KindInfo. */
  noun: string;
  formId: string;
  onSubmit(entry: string, name: string): void;
}

/** Which entry of the file (a cloud, a controller) becomes the endpoint, and what to call it. */
export function ConfigEntryChooser({ fileName, entries, kindLabel, noun, formId, onSubmit }: ConfigEntryChooserProps) {
  const [entry, setEntry] = useState(entries.length === 1 ? entries[0] : '');
  const [name, setName] = useState('');
  const [triedEmpty, setTriedEmpty] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!entry) {
      setTriedEmpty(true);
      return;
    }
    onSubmit(entry, name.trim());
  }

  return (
    <form id={formId} noValidate onSubmit={submit} className="space-y-4">
      <fieldset data-testid="config-entries" aria-describedby={triedEmpty && !entry ? `${formId}-entry-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
          {noun.charAt(0).toUpperCase() + noun.slice(1)} to import from <span className="font-mono text-xs">{fileName}</span>
        </legend>
        <div className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 dark:border-slate-700">
          {entries.map((candidate) => (
            <label key={candidate} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
              <input
                type="radio"
                name={`${formId}-entry`}
                value={candidate}
                data-testid="config-entry"
                checked={entry === candidate}
                onChange={() => setEntry(candidate)}
              />
              <span className="font-mono text-xs break-all">{candidate}</span>
            </label>
          ))}
        </div>
        {triedEmpty && !entry && (
          <p id={`${formId}-entry-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
            Choose the {noun} to import.
          </p>
        )}
      </fieldset>
      <TextField
        label="Name (optional)"
        testId="config-import-name"
        value={name}
        maxLength={80}
        placeholder={entry ? defaultImportedName(entry, kindLabel) : `Named after the ${noun}`}
        onChange={(event) => setName(event.target.value)}
      />
    </form>
  );
}
