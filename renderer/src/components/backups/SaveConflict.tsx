import type { SaveProblem } from '../../lib/save-location';
import { Button } from '../ui/Button';

/** A file is already where the download would go: replace it, or change the path. */
export function SaveConflict({ problem, disabled, onReplace, onChangePath }: { problem: SaveProblem; disabled?: boolean; onReplace(): void; onChangePath(): void }) {
  return (
    <div
      role="alert"
      data-testid="download-conflict"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <p className="font-semibold break-words">{problem.message}</p>
      <p>Replace it with this backup, or change the path above.</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" onClick={onChangePath} disabled={disabled}>
          Change the path
        </Button>
        <Button size="sm" variant="danger" data-testid="download-replace" onClick={onReplace} disabled={disabled}>
          Replace the existing file
        </Button>
      </div>
    </div>
  );
}
