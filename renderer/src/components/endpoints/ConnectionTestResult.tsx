import type { ConnectionTest } from '../../../../shared/domain';
import { ErrorMessage } from '../ui/ErrorMessage';

/** Inline result of "Test connection": what was reached (or why not) and what to do about it. */
export function ConnectionTestResult({ result, error }: { result: ConnectionTest | undefined; error: unknown }) {
  if (error) {
    return (
      <div data-testid="endpoint-test-result" data-ok="false">
        <ErrorMessage title="The test could not run" error={error} />
      </div>
    );
  }
  if (!result) return null;
  return (
    <div
      data-testid="endpoint-test-result"
      data-ok={String(result.ok)}
      role="status"
      className={`space-y-1 rounded-md border p-3 text-sm ${result.ok ? 'border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950/60 dark:text-green-100' : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100'}`}
    >
      <p className="font-semibold">{result.ok ? 'Connected' : 'Connection failed'}</p>
      <p data-testid={result.ok ? undefined : 'error-message'} className="break-words">
        {result.message}
      </p>
      {(result.url || result.serverVersion) && (
        <p className="text-xs break-all opacity-90">
          {result.url}
          {result.serverVersion ? ` · server ${result.serverVersion}` : ''}
        </p>
      )}
      {result.hint && (
        <p data-testid="error-hint" className="break-words">
          {result.hint}
        </p>
      )}
    </div>
  );
}
