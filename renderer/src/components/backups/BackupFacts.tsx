import type { Backup } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { sizeDetail } from '../../lib/backup-display';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { BackupStatusBadge } from './BackupStatusBadge';
import { DetailList, type DetailItem } from './DetailList';

/** The facts an operator checks before a restore or delete: which one, when, how big, from where. */
export function BackupFacts({ backup }: { backup: Backup }) {
  const now = useNow(60_000);
  const items: DetailItem[] = [
    ...(backup.name ? [{ label: 'Name', value: backup.name }] : []),
    { label: 'Created', value: backup.createdAt ? `${formatDateTime(backup.createdAt)} (${formatRelative(backup.createdAt, now)})` : 'unknown' },
    { label: 'Size', value: sizeDetail(backup) },
  ];
  if (backup.source) items.push({ label: 'Source', value: backup.source, mono: true });
  if (backup.version) items.push({ label: 'Version', value: backup.version });
  if (backup.device) items.push({ label: 'Device', value: backup.device });
  items.push({ label: 'Status', value: <BackupStatusBadge backup={backup} /> });
  return <DetailList items={items} />;
}
