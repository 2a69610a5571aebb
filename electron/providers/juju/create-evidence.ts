import type { OperationOutcome, ProviderContext } from '../provider';
import { elapsedTextKeepingZeros } from '../text';
import { jujuTime } from './normalise';
import { createdOutcome } from './outcomes';
import { withJuju } from './session';
import type { JujuTiming } from './timing';
import { backupsListResultSchema, type BackupMetadata } from './wire-schemas';
import { parseWire } from './wire-parse';

/** Juju ids and `started` are per second: a backup started in the same second as our call is ours to consider. */
const SECOND = 1_000;

export interface LostCreate {
  /** When Backups.Create was sent (our clock). */
  calledAt: number;
  notes: string;
  /** Why contact was lost: a dropped socket or our timeout. */
  reason: string;
  backupsVersion: number;
  serverVersion: string;
  /** The operator asked for a download, which did not happen. */
  wantedDownload: boolean;
}

/** Juju 2.x keeps backups in its database: one started after our call, with our notes, is evidence that it finished. */
async function findStoredBackup(timing: JujuTiming, ctx: ProviderContext, lost: LostCreate): Promise<BackupMetadata | undefined> {
  const list = await withJuju(ctx, timing, async (session) => parseWire(backupsListResultSchema, await session.backups('List', {}, 'list the backups'), 'Backups.List').list);
  const from = Math.floor(lost.calledAt / SECOND) * SECOND;
  return list.find((meta) => {
    const started = jujuTime(meta.started);
    return started !== undefined && Date.parse(started) >= from && (meta.notes ?? '') === lost.notes;
  });
}

function unknownOutcome(lost: LostCreate, looked: string): OperationOutcome {
  const where =
    lost.backupsVersion >= 3
      ? `Juju ${lost.serverVersion} cannot list backups, but a finished one waits as a juju-backup-<date>-<time>.tar.gz file in the controller's backup directory (\`juju ssh -m controller 0 ls /tmp\`) until it is downloaded with \`juju download-backup <file>\`.`
      : 'A finished backup appears in the list on the controller (`juju backups -m controller`).';
  return { state: 'unknown', outcome: `${lost.reason}, so Backup Console cannot tell whether the controller finished the backup (Juju carries on without the connection).${looked} ${where}` };
}

/**
 * Create's answer was lost (socket dropped, or our timeout). On 2.x the stored backups are the
 * evidence: one found is reported as created; otherwise the outcome is unknown, never failed.
 */
export async function settleLostCreate(timing: JujuTiming, ctx: ProviderContext, lost: LostCreate): Promise<OperationOutcome> {
  ctx.log.warn('Lost contact during Backups.Create', { reason: lost.reason, since: elapsedTextKeepingZeros(lost.calledAt) });
  // Only facades 1 and 2 keep backups in the database (and List them).
  if (lost.backupsVersion !== 1 && lost.backupsVersion !== 2) return unknownOutcome(lost, '');
  let found: BackupMetadata | undefined;
  try {
    found = await findStoredBackup(timing, ctx, lost);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/[.\s]+$/, '') : String(error);
    return unknownOutcome(lost, ` Looking for it in the controller's list failed too (${why}).`);
  }
  if (!found) return unknownOutcome(lost, ' No backup started since the call with these notes is stored yet; it may still be written, or it was made with "keep a copy" off.');
  const notDownloaded = lost.wantedDownload ? ' It was not downloaded: download it from the list.' : '';
  return { state: 'succeeded', backupId: found.id, outcome: `${lost.reason}, but the controller lists backup ${found.id} started since the call, with these notes: ${createdOutcome(found, 'stored')}${notDownloaded}` };
}
