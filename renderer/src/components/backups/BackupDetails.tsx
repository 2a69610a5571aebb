import type { RefObject } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { Backup, Capability } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { useBackups } from '../../queries/use-backups';
import { useUiStore } from '../../state/ui-store';
import { CapabilityButton } from '../ui/CapabilityButton';
import { BackupStatusBadge } from './BackupStatusBadge';
import { DetailList, type DetailItem } from './DetailList';

const busyStates: ReadonlySet<Backup['state']> = new Set(['creating', 'restoring', 'deleting']);

/** The endpoint may allow restores in general while this particular backup is still busy. */
function forBackup(capability: Capability, backup: Backup): Capability {
  if (!capability.enabled || !busyStates.has(backup.state)) return capability;
  return { enabled: false, reason: `This backup is ${backup.statusText || backup.state}; wait until it is available.` };
}

export function BackupDetails({ endpoint, headingRef }: { endpoint: EndpointView; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { data: backups } = useBackups(endpoint.id);
  const selectedId = useUiStore((state) => state.selectedBackupId);
  const openDialog = useUiStore((state) => state.openDialog);
  const now = useNow(60_000);
  const backup = selectedId ? backups?.find((b) => b.id === selectedId) : undefined;

  return (
    <aside
      aria-labelledby="backup-details-heading"
      data-testid="backup-details"
      data-backup-id={backup?.id}
      className="flex w-72 shrink-0 flex-col xl:w-80 border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="backup-details-heading" ref={headingRef} tabIndex={-1} className="mx-2 mt-1 shrink-0 rounded px-2 pt-2 pb-2 text-sm font-semibold focus-visible:-outline-offset-2">
        Backup details
      </h2>
      {!backup ? (
        <p className="px-4 text-sm text-slate-600 dark:text-slate-400">Select a backup to see its details and restore it.</p>
      ) : (
        <>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 pb-3">
            <DetailList items={summaryItems(backup, now)} />
            {Object.keys(backup.details).length > 0 && (
              <>
                <h3 className="mt-4 mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
                  Reported by the endpoint
                </h3>
                <DetailList
                  stacked
                  items={Object.entries(backup.details).map(([key, value]) => ({
                    label: key,
                    value: value === null ? '—' : String(value),
                    mono: true,
                  }))}
                />
              </>
            )}
          </div>
          <div className="flex shrink-0 flex-wrap justify-end gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
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
        </>
      )}
    </aside>
  );
}

function summaryItems(backup: Backup, now: number): DetailItem[] {
  return [
    { label: 'ID', value: backup.id, mono: true },
    { label: 'Status', value: <BackupStatusBadge backup={backup} /> },
    {
      label: 'Size',
      value: backup.sizeBytes === undefined ? '—' : `${formatBytes(backup.sizeBytes)} (${backup.sizeBytes.toLocaleString()} bytes)`,
    },
    {
      label: 'Created',
      value: backup.createdAt ? `${formatDateTime(backup.createdAt)} (${formatRelative(backup.createdAt, now)})` : '—',
    },
    { label: 'Version', value: backup.version ?? '—' },
    { label: 'Device', value: backup.device ?? '—' },
    { label: 'Platform', value: backup.platform ?? '—' },
  ];
}
