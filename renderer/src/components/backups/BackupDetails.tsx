import type { RefObject } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { Backup, Capability } from '../../../../shared/domain';
import { failureReason } from '../../lib/detail-fields';
import { useBackups } from '../../queries/use-backups';
import { useKindInfo } from '../../queries/use-kinds';
import { useUiStore } from '../../state/ui-store';
import { CapabilityButton } from '../ui/CapabilityButton';
import { BackupLineage } from './BackupLineage';
import { BackupSummary } from './BackupSummary';
import { ExportRecordButton } from './ExportRecordButton';
import { FailureCallout } from './FailureCallout';
import { ReportedDetails } from './ReportedDetails';

const busyStates: ReadonlySet<Backup['state']> = new Set(['creating', 'restoring', 'deleting']);
/** Details the pane shows in its own places (the failure callout, the chain), not again in the list. */
const shownElsewhere = ['fail_reason', 'is_incremental'];

/** The endpoint may allow restores in general while this particular backup is still busy. */
function forBackup(capability: Capability, backup: Backup): Capability {
  if (!capability.enabled || !busyStates.has(backup.state)) return capability;
  return { enabled: false, reason: `This backup is ${backup.statusText || backup.state}; wait until it is available.` };
}

/** A failed backup has no archive to fetch, whatever the endpoint allows in general. */
function forDownload(capability: Capability, backup: Backup): Capability {
  if (capability.enabled && backup.state === 'error') return { enabled: false, reason: 'This backup failed; there is no file to download.' };
  return forBackup(capability, backup);
}

export function BackupDetails({ endpoint, headingRef }: { endpoint: EndpointView; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { data: backups } = useBackups(endpoint.id);
  const kind = useKindInfo(endpoint.kind);
  const selectedId = useUiStore((state) => state.selectedBackupId);
  const openDialog = useUiStore((state) => state.openDialog);
  const backup = selectedId ? backups?.find((b) => b.id === selectedId) : undefined;
  const failure = backup ? failureReason(backup.details) : undefined;

  return (
    <aside
      aria-labelledby="backup-details-heading"
      data-testid="backup-details"
      data-backup-id={backup?.id}
      className="flex w-72 shrink-0 flex-col border-l border-slate-200 bg-white xl:w-80 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="backup-details-heading" ref={headingRef} tabIndex={-1} className="mx-2 mt-1 shrink-0 rounded px-2 pt-2 pb-2 text-sm font-semibold focus-visible:-outline-offset-2">
        Backup details
      </h2>
      {!backup ? (
        <p className="px-4 text-sm text-slate-600 dark:text-slate-400">Select a backup to see its details and restore it.</p>
      ) : (
        <>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 pb-3">
            {failure && <FailureCallout reason={failure} />}
            <BackupSummary backup={backup} reporter={kind?.label ?? endpoint.kind} />
            <BackupLineage backup={backup} backups={backups} />
            <ReportedDetails details={backup.details} shownElsewhere={shownElsewhere} />
          </div>
          {/* Long "why not" texts (Juju 3.x restore) scroll here instead of squeezing the details away. */}
          <div className="max-h-[45%] shrink-0 space-y-2 overflow-y-auto border-t border-slate-200 px-4 py-3 dark:border-slate-800">
            {endpoint.capabilities.exportRecord.enabled && <ExportRecordButton key={backup.id} endpoint={endpoint} backup={backup} />}
            {endpoint.capabilities.download.enabled && (
              <div className="flex justify-end">
                <CapabilityButton
                  testId="download-button"
                  capability={forDownload(endpoint.capabilities.download, backup)}
                  onClick={() => openDialog({ type: 'download', endpointId: endpoint.id, backupId: backup.id })}
                >
                  Download…
                </CapabilityButton>
              </div>
            )}
            <div className="flex flex-wrap justify-end gap-2">
              <CapabilityButton
                testId="delete-button"
                variant="danger"
                capability={forBackup(endpoint.capabilities.delete, backup)}
                onClick={() => openDialog({ type: 'delete', endpointId: endpoint.id, backupId: backup.id })}
              >
                Delete…
              </CapabilityButton>
              <CapabilityButton
                testId="restore-button"
                variant="primary"
                capability={forBackup(endpoint.capabilities.restore, backup)}
                onClick={() => openDialog({ type: 'restore', endpointId: endpoint.id, backupId: backup.id })}
              >
                Restore…
              </CapabilityButton>
            </div>
          </div>
        </>
      )}
    </aside>
  );
}
