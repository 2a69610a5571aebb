import { ErrorMessage } from '../ui/ErrorMessage';

/** Shown when no client could be created (for example a browser tab opened without its token). */
export function StartupError({ error }: { error: unknown }) {
  return (
    <div data-testid="app-root" data-app-state="error" className="flex h-full items-center justify-center p-6">
      <div className="w-full max-w-lg space-y-4">
        <h1 className="text-lg font-semibold">Backup Console cannot start</h1>
        <ErrorMessage error={error} />
      </div>
    </div>
  );
}
