import { toClientError } from '../../client/client-error';
import { Button } from './Button';

export interface ErrorMessageProps {
  error: unknown;
  /** Short lead-in such as "Could not load backups". */
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
  testId?: string;
}

/** Message + hint of a failed call. Never a stack trace: the log has those. */
export function ErrorMessage({ error, title, onRetry, retrying, testId }: ErrorMessageProps) {
  const { message, hint } = toClientError(error);
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex items-start gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <svg className="mt-0.5 size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
        <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-.9 4.5h1.8v5.5H9.1V6Zm0 7h1.8v1.8H9.1V13Z" />
      </svg>
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        <p data-testid="error-message" className="break-words">
          {message}
        </p>
        {hint && (
          <p data-testid="error-hint" className="break-words text-red-800 dark:text-red-200">
            {hint}
          </p>
        )}
      </div>
      {onRetry && (
        <Button size="sm" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </Button>
      )}
    </div>
  );
}
