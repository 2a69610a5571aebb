import type { Backup } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { DetailList } from './DetailList';

/** The facts an operator checks before a restore or delete: when, how big, which version, from where. */
export function BackupFacts({ backup }: { backup: Backup }) {
  const now = useNow(60_000);
  return (
    <DetailList
      items={[
        { label: 'Created', value: backup.createdAt ? `${formatDateTime(backup.createdAt)} (${formatRelative(backup.createdAt, now)})` : 'unknown' },
        { label: 'Size', value: formatBytes(backup.sizeBytes) },
        { label: 'Version', value: backup.version ?? '—' },
        { label: 'Device', value: backup.device ?? '—' },
        { label: 'Status', value: backup.statusText || backup.state },
      ]}
    />
  );
}
