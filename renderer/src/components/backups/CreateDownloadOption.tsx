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
}

/** "Save it here too": the new backup is downloaded in the same job, right after the endpoint made it. */
export function CreateDownloadOption({ checked, onCheckedChange, location, note, onReplace, disabled }: CreateDownloadOptionProps) {
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
    </div>
  );
}
