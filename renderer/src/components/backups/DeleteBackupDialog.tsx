import type { EndpointView } from '../../../../shared/contract';
import type { Backup } from '../../../../shared/domain';
import { backupTitle } from '../../lib/backup-display';
import { hasDependents, knownDependents } from '../../lib/dependents';
import { isTerminal } from '../../queries/jobs-cache';
import { useBackups } from '../../queries/use-backups';
import { useKindInfo } from '../../queries/use-kinds';
import { useDeleteBackup } from '../../queries/use-backup-mutations';
import { useJobs } from '../../queries/use-jobs';
import { TypedConfirmDialog } from '../confirm/TypedConfirmDialog';
import { BackupFacts } from './BackupFacts';
import { Callout } from './Callout';
import { DependentsNotice } from './DependentsNotice';

export function DeleteBackupDialog({ endpoint, backup, onClose }: { endpoint: EndpointView; backup: Backup; onClose(): void }) {
  const remove = useDeleteBackup();
  const kind = useKindInfo(endpoint.kind);
  const { data: backups } = useBackups(endpoint.id);
  const { data: jobs } = useJobs();
  const dependents = knownDependents(backup, backups);
  // With dependents the endpoint may refuse: the dialog stays and follows the job so its answer shows here.
  // (When the delete succeeds the backup leaves the list and the dialog closes by itself.)
  const watch = hasDependents(backup, backups);
  const job = watch && remove.data ? (jobs?.find((j) => j.id === remove.data.id) ?? remove.data) : undefined;
  const jobRunning = Boolean(job && !isTerminal(job));
  const jobFailed = job && (job.state === 'failed' || job.state === 'interrupted') ? (job.error ?? { code: 'internal' as const, message: job.outcome ?? 'The delete did not finish.' }) : undefined;

  return (
    <TypedConfirmDialog
      title={`Delete ${backupTitle(backup)}?`}
      expectedText={backup.id}
      confirmLabel="Delete backup"
      pendingLabel={jobRunning ? 'Waiting for the endpoint…' : 'Deleting…'}
      pending={remove.isPending || jobRunning}
      error={remove.error ?? jobFailed}
      onClose={onClose}
      onConfirm={(confirmation) =>
        remove.mutate({ endpointId: endpoint.id, backupId: backup.id, confirmation }, { onSuccess: watch ? undefined : onClose })
      }
    >
      <p>
        Delete this backup from <strong>{endpoint.name}</strong>
        {endpoint.url ? (
          <>
            {' '}
            at <span className="font-mono text-xs break-all">{endpoint.url}</span>
          </>
        ) : null}
        :
      </p>
      <BackupFacts backup={backup} />
      {watch && <DependentsNotice dependentIds={dependents} backups={backups} policy={kind?.dependentsOnDelete} kindLabel={kind?.label} />}
      <Callout tone="warning" title="This cannot be undone">
        The backup is removed from the endpoint. It can no longer be restored from anywhere.
      </Callout>
    </TypedConfirmDialog>
  );
}
