import type { Backup } from '../../../../shared/domain';
import { useNow } from '../../hooks/use-now';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime, formatRelative } from '../../lib/format-date';
import { DetailList, type DetailItem } from './DetailList';

/** The facts to check before restoring a cloud backup: what it is, when, how big, of what. Empty ones are left out. */
export function OptionsRestoreFacts({ backup }: { backup: Backup }) {
  const now = useNow(60_000);
  const items: DetailItem[] = [
    { label: 'Backup', value: backup.name ? `${backup.name} (${backup.id})` : backup.id, mono: !backup.name },
    { label: 'Created', value: backup.createdAt ? `${formatDateTime(backup.createdAt)} (${formatRelative(backup.createdAt, now)})` : 'unknown' },
    { label: 'Size', value: backup.sizeReported ? `${formatBytes(backup.sizeBytes)} (reported as ${backup.sizeReported})` : formatBytes(backup.sizeBytes) },
    { label: 'Status', value: backup.statusText || backup.state },
  ];
  if (backup.source) items.push({ label: 'Backed up from', value: backup.source, mono: true });
  if (backup.parentId) items.push({ label: 'Incremental on', value: backup.parentId, mono: true });
  return <DetailList items={items} />;
}
