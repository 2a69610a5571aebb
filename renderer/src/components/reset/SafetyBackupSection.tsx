import type { EndpointView } from '../../../../shared/contract';
import { toClientError } from '../../client/client-error';
import { useNow } from '../../hooks/use-now';
import { abbreviateDigest } from '../../lib/digest-display';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { isRecent, latestSavedDownload } from '../../lib/safety-backup';
import { useJobs } from '../../queries/use-jobs';
import { CapabilityButton } from '../ui/CapabilityButton';
import { useAllBackups } from './use-factory-reset';

export interface SafetyBackupSectionProps {
  endpoint: EndpointView;
  /** Closes the reset dialog and opens "create a backup" with saving on this computer ticked. */
  onCreateSafetyBackup(): void;
}

/**
 * Before a wipe: how many backups the reset deletes, whether this app holds a recent copy on this
 * computer, and a one-click way to make one ("gate the reset behind a fresh download").
 */
export function SafetyBackupSection({ endpoint, onCreateSafetyBackup }: SafetyBackupSectionProps) {
  const backups = useAllBackups(endpoint.id);
  const jobs = useJobs();
  const now = useNow(60_000);
  const saved = latestSavedDownload(jobs.data, endpoint.id);
  const savedAt = saved ? (saved.finishedAt ?? saved.updatedAt) : undefined;
  const { create, download } = endpoint.capabilities;

  return (
    <section
      aria-labelledby="factory-reset-safety-heading"
      data-testid="factory-reset-safety"
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-800/60"
    >
      <h3 id="factory-reset-safety-heading" className="font-semibold">
        Safety backup
      </h3>
      <p data-testid="factory-reset-backup-count">
        {backups.isPending
          ? `Checking the backups on ${endpoint.name}…`
          : backups.isError
            ? `Could not list the backups on ${endpoint.name} (${toClientError(backups.error).message}); assume the reset deletes every one of them.`
            : backups.data.length === 0
              ? `${endpoint.name} holds no backups.`
              : `${endpoint.name} holds ${backups.data.length} ${backups.data.length === 1 ? 'backup' : 'backups'}. The reset deletes ${backups.data.length === 1 ? 'it' : 'them all'}; only copies saved elsewhere survive.`}
      </p>
      <p data-testid="factory-reset-last-download" data-recent={saved ? String(isRecent(savedAt, now)) : 'none'}>
        {saved ? (
          <>
            {isRecent(savedAt, now) ? 'This app saved a backup of it recently' : 'The newest backup file this app saved from it is not recent'}:{' '}
            {formatRelative(savedAt, now)} ({formatDateTime(savedAt)}), to <span className="font-mono text-xs break-all">{saved.savedFile.path}</span>{' '}
            <span className="text-xs text-slate-600 dark:text-slate-400" title={saved.savedFile.sha256}>
              (SHA-256 <span className="font-mono">{abbreviateDigest(saved.savedFile.sha256)}</span>)
            </span>
          </>
        ) : (
          'This app has no record of saving a backup file from it.'
        )}
      </p>
      <CapabilityButton
        testId="factory-reset-safety-backup"
        capability={create.enabled ? download : create}
        onClick={onCreateSafetyBackup}
      >
        Create and download a backup first
      </CapabilityButton>
    </section>
  );
}
