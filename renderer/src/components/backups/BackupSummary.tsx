import type { Backup } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { sizeDetail } from '../../lib/backup-display';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { BackupStatusBadge } from './BackupStatusBadge';
import { DetailList, type DetailItem } from './DetailList';

/** The facts every kind has (id, state, size, time), then the optional ones this backup has. */
export function BackupSummary({ backup, reporter }: { backup: Backup; reporter: string }) {
  const now = useNow(60_000);
  const items: DetailItem[] = [
    ...(backup.name ? [{ label: 'Name', value: backup.name }] : []),
    { label: 'ID', value: backup.id, mono: true },
    { label: 'Status', value: <BackupStatusBadge backup={backup} /> },
    {
      label: 'Size',
      value: <span title={backup.sizeReported ? `${reporter} reported ${backup.sizeReported}` : undefined}>{sizeDetail(backup)}</span>,
    },
    {
      label: 'Created',
      value: backup.createdAt ? `${formatDateTime(backup.createdAt)} (${formatRelative(backup.createdAt, now)})` : '—',
    },
  ];
  if (backup.source) items.push({ label: 'Source', value: backup.source, mono: true });
  if (backup.version) items.push({ label: 'Version', value: backup.version });
  if (backup.device) items.push({ label: 'Device', value: backup.device });
  if (backup.platform) items.push({ label: 'Platform', value: backup.platform });
  return <DetailList testId="backup-summary" items={items} />;
}
