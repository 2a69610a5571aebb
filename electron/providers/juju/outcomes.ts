import { decimalBytesText } from '../text';
import { parseVersion } from './controller-facts';
import type { BackupMetadata } from './wire-schemas';

/** Where a backup the controller did not store waits, and what the operator can do with it on this Juju release. */
function pendingText(meta: BackupMetadata, size: string, serverVersion: string): string {
  const file = meta.filename ?? "its juju-backup-<date>-<time>.tar.gz file in the controller's backup directory";
  if (parseVersion(serverVersion).major >= 4) {
    return (
      `Backup ${meta.id}${size} was written on the controller at ${file}. Juju ${serverVersion} does not serve backups over its API, so Backup Console cannot download it: ` +
      `copy it from the controller machine (\`juju scp -m controller 0:${meta.filename ?? '<file>'} .\`).`
    );
  }
  return (
    `Backup ${meta.id}${size} is waiting on the controller at ${file}; download it to keep it (the controller deletes it after one download and cannot list it). ` +
    `It disappears from this list when Backup Console restarts, but stays on the controller until downloaded, also with \`juju download-backup ${meta.filename ?? '<file>'}\`.`
  );
}

export function createdOutcome(meta: BackupMetadata, where: 'stored' | 'pending', serverVersion = ''): string {
  const size = meta.size !== undefined ? ` (${decimalBytesText(meta.size)})` : '';
  return where === 'stored' ? `Backup ${meta.id}${size} is stored on the controller.` : pendingText(meta, size, serverVersion);
}

export function downloadedOutcome(meta: BackupMetadata, destination: string, oneShot: boolean, removedStoredCopy = false): string {
  const after = oneShot ? ' The controller deleted its copy after this download.' : removedStoredCopy ? ' The copy on the controller was removed, as asked (keep copy off).' : '';
  return `Saved backup ${meta.id} to ${destination}; its SHA-1 matched the controller's checksum.${after}`;
}

export function restoredOutcome(backupId: string): string {
  return `Restored the controller from backup ${backupId}: the API server restarted and FinishRestore confirmed the restore. Agents reconnect over the next minutes; check with \`juju status -m controller\`.`;
}
