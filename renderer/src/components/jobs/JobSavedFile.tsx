import type { SavedFile } from '../../../../shared/domain';
import { abbreviateDigest } from '../../lib/digest-display';
import { formatBytes } from '../../lib/format-bytes';
import { CopyButton } from './CopyButton';

/**
 * Where a download went and the SHA-256 of exactly the bytes written, in plain sight on the job:
 * the first thing someone verifying a backup file looks for. Shortened on screen, whole in the
 * tooltip and the copy.
 */
export function JobSavedFile({ file }: { file: SavedFile }) {
  return (
    <dl
      data-testid="job-saved-file"
      className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-0.5 rounded-md bg-slate-50 px-2.5 py-1.5 text-xs dark:bg-slate-800/60"
    >
      <dt className="font-medium text-slate-600 dark:text-slate-400">Saved to</dt>
      <dd className="flex min-w-0 items-center gap-1">
        <span data-testid="job-saved-path" className="min-w-0 font-mono break-all text-slate-900 dark:text-slate-100" title={file.path}>
          {file.path}
        </span>
        <span className="shrink-0 text-slate-600 tabular-nums dark:text-slate-400">({formatBytes(file.bytes)})</span>
        <CopyButton value={file.path} label="Copy the file path" />
      </dd>
      <dt className="font-medium text-slate-600 dark:text-slate-400">SHA-256</dt>
      <dd className="flex min-w-0 items-center gap-1">
        <span data-testid="job-sha256" data-sha256={file.sha256} title={file.sha256} className="font-mono text-slate-900 dark:text-slate-100">
          {abbreviateDigest(file.sha256, 12)}
        </span>
        <CopyButton value={file.sha256} label="Copy the SHA-256" testId="job-sha256-copy" />
      </dd>
    </dl>
  );
}
