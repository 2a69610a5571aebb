import { bytesText, elapsedText } from '../text';
import { describeBackup } from './normalise';
import type { FollowEnd } from './follow-backup';
import type { WireBackup } from './wire-schemas';

/** "1.2 GiB of 2 GiB", or "1.2 GiB" when the total is unknown. */
export function ofTotal(done: number, total: number | undefined): string {
  return total === undefined ? bytesText(done) : `${bytesText(done)} of ${bytesText(total)}`;
}

export function createdOutcome(backup: WireBackup): string {
  const size = typeof backup.size === 'number' && backup.size > 0 ? ` (${bytesText(backup.size)})` : '';
  return `The appliance made ${describeBackup(backup)}${size}; it is stored on the appliance, which keeps two backups at most.`;
}

export function savedText(backup: WireBackup, destination: string, file: { bytes: number; sha256Hex: string; lengthNote?: string }): string {
  const note = file.lengthNote ? ` ${file.lengthNote}` : '';
  return `Saved ${describeBackup(backup)} (${bytesText(file.bytes)}) to ${destination}.${note} The appliance publishes no checksum to compare with; the SHA-256 of the saved file is ${file.sha256Hex}.`;
}

/** The follow loop ended without an answer: what is known and what to check. */
export function unknownFollowOutcome(end: Extract<FollowEnd, { kind: 'unknown' }>, backupId: string, startedAtMs: number, what: 'create' | 'upload'): string {
  const doing = what === 'upload' ? 'checking the uploaded file' : 'making the backup';
  const status = end.status ? ` (last status: ${end.status})` : '';
  const check = `Check backup ${backupId} in the appliance's backup list (GET /api/npm.backup/1.0/backups/items/${backupId}) before creating or uploading another: appliances keep two backups at most.`;
  // An abort that is not the operator's cancel (the core has no other): said neutrally, without guessing why.
  if (end.why === 'stopped') return `Backup Console stopped following backup ${backupId}${status}; the appliance goes on ${doing} on its own. ${check}`;
  if (end.why === 'outage') return `Lost contact with the appliance while it was ${doing}${status}${end.last ? ` (last: ${end.last.replace(/[.\s]+$/, '')})` : ''}; how it ends is unknown. ${check}`;
  return `Stopped following backup ${backupId} after ${elapsedText(startedAtMs)}${status}: the appliance had not finished ${doing}. ${check}`;
}
