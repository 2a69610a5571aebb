import { CheckboxField } from '../kinds/shared/CheckboxField';
import { DownloadNotes } from './DownloadNotes';
import { SaveLocationField } from './SaveLocationField';
import type { SaveLocation } from './use-save-location';

export interface CreateDownloadOptionProps {
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  location: SaveLocation;
  /** The kind's `downloadNote`, read before the backup starts. */
  note: string | undefined;
  onReplace(): void;
  disabled?: boolean;
  /** The dialog was opened to keep a copy here (the safety backup before a factory reset): unticking it is warned about. */
  requested?: boolean;
  endpointName: string;
}

/** "Save it here too": the new backup is downloaded in the same job, right after the endpoint made it. */
export function CreateDownloadOption({ checked, onCheckedChange, location, note, onReplace, disabled, requested, endpointName }: CreateDownloadOptionProps) {
  return (
    <div className="space-y-3">
      <CheckboxField
        label="Save the backup to this computer when it is created"
        testId="create-download"
        checked={checked}
        onChange={onCheckedChange}
        help="The same job downloads it as soon as the endpoint has finished it; the jobs panel shows both steps."
      />
      {checked && (
        <div className="ml-6 space-y-3">
          <SaveLocationField location={location} testId="create-download-path" onReplace={onReplace} disabled={disabled} />
          <DownloadNotes note={note} />
        </div>
      )}
      {requested && !checked && (
        <p data-testid="create-download-unticked" className="ml-6 text-xs font-medium text-amber-800 dark:text-amber-300">
          This backup was meant as a copy on this computer. Without it, the backup exists only on {endpointName}.
        </p>
      )}
    </div>
  );
}
