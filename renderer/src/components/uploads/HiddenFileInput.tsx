import type { Ref } from 'react';

/** What the picker offers first: gzip archives, as appliances and Backup Console save them. */
export const backupFileAccept = '.tgz,.gz,.tar.gz,application/gzip,application/x-gzip';

/**
 * The file input behind an "Upload backup file…" button (the keyboard path next to drag and drop).
 * Its value is cleared after each pick, so picking the same file again still counts.
 */
export function HiddenFileInput({ inputRef, onFile, testId }: { inputRef: Ref<HTMLInputElement>; onFile(file: File): void; testId: string }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={backupFileAccept}
      data-testid={testId}
      className="sr-only"
      tabIndex={-1}
      aria-hidden="true"
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
