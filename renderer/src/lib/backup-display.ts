import type { Backup } from '../../../shared/domain';
import { formatBytes } from './format-bytes';
import { backupStateLabels } from './labels';

const comparable = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The server's own status word when it says more than the badge ("COMPLETED", "backing-up"); undefined when it is the same. */
export function rawStatusBesideBadge(backup: Pick<Backup, 'state' | 'statusText'>): string | undefined {
  const raw = backup.statusText.trim();
  if (raw === '' || comparable(raw) === comparable(backupStateLabels[backup.state])) return undefined;
  return raw;
}

/** What the name column shows first: the endpoint's name for the backup, else its id. */
export function backupTitle(backup: Pick<Backup, 'id' | 'name'>): string {
  return backup.name?.trim() || backup.id;
}

/**
 * The tooltip of a size: what the endpoint really said when it was not bytes ("OpenStack Cinder
 * reported 10 GiB"), since the shown value is our conversion; otherwise the exact byte count.
 */
export function sizeExplanation(backup: Pick<Backup, 'sizeBytes' | 'sizeReported'>, reporter: string): string | undefined {
  if (backup.sizeReported) return `${reporter} reported ${backup.sizeReported}`;
  return backup.sizeBytes === undefined ? undefined : `${backup.sizeBytes.toLocaleString('en-US')} bytes`;
}

/** The size for the details pane: converted value plus what the endpoint said, or the exact bytes. */
export function sizeDetail(backup: Pick<Backup, 'sizeBytes' | 'sizeReported'>): string {
  if (backup.sizeBytes === undefined) return backup.sizeReported ? `${backup.sizeReported} (as reported)` : '—';
  const shown = formatBytes(backup.sizeBytes);
  if (backup.sizeReported) return `${shown} (reported as ${backup.sizeReported})`;
  return `${shown} (${backup.sizeBytes.toLocaleString('en-US')} bytes)`;
}
