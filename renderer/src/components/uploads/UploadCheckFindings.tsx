import { ErrorMessage } from '../ui/ErrorMessage';
import { CheckboxField } from '../kinds/shared/CheckboxField';
import type { UploadCheckState } from './use-upload-check';

export interface UploadCheckFindingsProps {
  check: UploadCheckState;
  accepted: boolean;
  onAcceptedChange(accepted: boolean): void;
}

/** What the checks found: problems refuse the file; warnings need an explicit "upload anyway". */
export function UploadCheckFindings({ check, accepted, onAcceptedChange }: UploadCheckFindingsProps) {
  return (
    <>
      {check.status === 'checking' && check.problems.length === 0 && (
        <p role="status" data-testid="upload-checking" className="text-slate-600 dark:text-slate-400">
          Checking the file…
        </p>
      )}
      {check.problems.length > 0 && (
        <div
          role="alert"
          data-testid="upload-problems"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
        >
          <p className="font-semibold">This file cannot be uploaded</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {check.problems.map((problem) => (
              <li key={problem} className="break-words">
                {problem}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-red-800 dark:text-red-200">Nothing has been sent. Choose another file, or cancel.</p>
        </div>
      )}
      {check.status === 'failed' && (
        <ErrorMessage title="Backup Console could not check the file" error={check.error} onRetry={check.retry} retrying={check.retrying} testId="upload-check-error" />
      )}
      {check.problems.length === 0 && check.warnings.length > 0 && (
        <div
          data-testid="upload-warnings"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <div>
            <p className="font-semibold">Check before sending</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {check.warnings.map((warning) => (
                <li key={warning} className="break-words">
                  {warning}
                </li>
              ))}
            </ul>
          </div>
          <div className="rounded-md bg-white px-2 py-1.5 dark:bg-slate-900">
            <CheckboxField label="I understand, upload anyway" testId="upload-accept-warnings" checked={accepted} onChange={onAcceptedChange} />
          </div>
        </div>
      )}
    </>
  );
}
