import { bytesText } from './timing';
import type { BackupMetadata } from './wire-schemas';

export function createdOutcome(meta: BackupMetadata, where: 'stored' | 'pending'): string {
  const size = meta.size !== undefined ? ` (${bytesText(meta.size)})` : '';
  return where === 'stored'
    ? `Backup ${meta.id}${size} is stored on the controller.`
    : `Backup ${meta.id}${size} is waiting on the controller at ${meta.filename ?? 'its backup directory'}; download it to keep it (the controller deletes it after one download and does not list it).`;
}

export function downloadedOutcome(meta: BackupMetadata, destination: string, oneShot: boolean, removedStoredCopy = false): string {
  const after = oneShot ? ' The controller deleted its copy after this download.' : removedStoredCopy ? ' The copy on the controller was removed, as asked (keep copy off).' : '';
  return `Saved backup ${meta.id} to ${destination}; its SHA-1 matched the controller's checksum.${after}`;
}

export function restoredOutcome(backupId: string): string {
  return `Restored the controller from backup ${backupId}: the API server restarted and FinishRestore confirmed the restore. Agents reconnect over the next minutes; check with \`juju status -m controller\`.`;
}
