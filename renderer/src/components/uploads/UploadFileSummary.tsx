import type { UploadCheck } from '../../../../shared/contract';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime } from '../../lib/format-date';

/** The file as the operator will recognise it, and, when this app saved it, where it came from. */
export function UploadFileSummary({ file, knownDownload }: { file: File; knownDownload: UploadCheck['knownDownload'] }) {
  return (
    <div data-testid="upload-file-summary" className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="flex items-start gap-3">
        <svg className="mt-0.5 size-5 shrink-0 text-slate-500 dark:text-slate-400" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          <path d="M5 2h6.6L16 6.4V17a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1Zm6 1.5V7h3.5L11 3.5ZM8 9v1.5h1.5V9H8Zm1.5 1.5V12H11v-1.5H9.5ZM8 12v1.5h1.5V12H8Zm1.5 1.5V15H11v-1.5H9.5Z" />
        </svg>
        <div className="min-w-0 flex-1">
          <p data-testid="upload-file-name" className="font-medium break-all text-slate-900 dark:text-slate-100">
            {file.name}
          </p>
          <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
            {formatBytes(file.size)} ({file.size.toLocaleString('en-US')} bytes)
          </p>
        </div>
      </div>
      {knownDownload && (
        <p data-testid="upload-known-download" className="mt-2 flex items-start gap-2 text-xs text-emerald-800 dark:text-emerald-300">
          <svg className="mt-px size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
            <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-1.2 12.1-3.5-3.5 1.2-1.2 2.3 2.3 4.9-4.9 1.2 1.2-6.1 6.1Z" />
          </svg>
          <span className="min-w-0">
            Downloaded by Backup Console from <strong>{knownDownload.endpointName}</strong>
            {knownDownload.backupId ? (
              <>
                {' '}
                (backup <span className="font-mono">{knownDownload.backupId}</span>)
              </>
            ) : null}{' '}
            on {formatDateTime(knownDownload.savedAt)}
            {knownDownload.matchedBy === 'name-and-size' ? ', recognised by its name and size' : ''}. SHA-256 when saved:{' '}
            <span className="font-mono break-all">{knownDownload.sha256}</span>
          </span>
        </p>
      )}
    </div>
  );
}
