import type { EndpointView } from '../../../../shared/contract';
import { backupLimitStatus } from '../../lib/backup-limit';
import { useBackups } from '../../queries/use-backups';
import { useKindInfo } from '../../queries/use-kinds';

/**
 * Under the endpoint header of kinds that keep only a few backups, once the endpoint is full: says
 * so before the operator starts anything, and what the create and upload dialogs will offer.
 */
export function BackupLimitBanner({ endpoint }: { endpoint: EndpointView }) {
  const kind = useKindInfo(endpoint.kind);
  const { data: backups } = useBackups(kind?.backupLimit === undefined ? undefined : endpoint.id);
  const status = backupLimitStatus(kind?.backupLimit, backups);
  if (!kind || !status?.full) return null;
  return (
    <div
      data-testid="backup-limit-banner"
      className="shrink-0 border-b border-amber-200 bg-amber-50 px-5 py-2 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <span className="font-semibold">
        Full: {status.count} of {status.limit} backups.
      </span>{' '}
      {kind.label} keeps at most {status.limit}. “Back up now” and “Upload backup file…” offer to delete the oldest
      {status.oldest ? (
        <>
          {' '}
          (<span className="font-mono text-xs">{status.oldest.id}</span>)
        </>
      ) : null}{' '}
      first.
    </div>
  );
}
