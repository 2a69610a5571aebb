import { AppError } from '../../../shared/errors';
import type { OperationContext, OperationOutcome, ProviderContext, RawOptions } from '../provider';
import { authed, getWireBackup, readDeviceInfo, readIdleRestoreStatus } from './api';
import { mayHaveActed } from './connection-failures';
import { backupPath } from './device-url';
import { refusal } from './errors';
import { followRestore } from './follow-restore';
import { describeBackup } from './normalise';
import { milestones } from './reboot-poll';
import { remoteRefFor } from './remote-ref';
import type { ApplianceTimings } from './timing';
import type { DeviceInfo, WireBackup } from './wire-schemas';

/** Versions as the appliance spells them, compared without case or surrounding space. */
const sameVersion = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Appliances restore only backups made with their own software version (the published scripts refuse others too). */
export function checkRestorable(backup: WireBackup, device: DeviceInfo): void {
  if (backup.status !== 'completed') {
    throw new AppError('validation', `${describeBackup(backup)} cannot be restored: its status is ${backup.status ?? 'unknown'}, and only a completed backup can.`, 'Wait until the appliance lists it as completed.');
  }
  if (backup.sw_version && device.sw_version && !sameVersion(backup.sw_version, device.sw_version)) {
    throw new AppError(
      'validation',
      `${describeBackup(backup)} was made with software ${backup.sw_version}, and this appliance runs ${device.sw_version}: an appliance restores only backups made with its own software version.`,
      `Pick a backup made with ${device.sw_version}, or bring the appliance to ${backup.sw_version} first.`,
    );
  }
}

/**
 * POST /backups/items/{id}/restore (no body) after checking the backup, the software version and
 * restore_status (its `last_restore_time` tells this restore's end from an earlier one). The
 * appliance then reboots; `followRestore` waits for it.
 */
export async function restoreBackup(ctx: ProviderContext, timings: ApplianceTimings, backupId: string, op: OperationContext, options?: RawOptions): Promise<OperationOutcome> {
  if (options && Object.keys(options).length) throw new AppError('validation', 'Restore options: an appliance restore takes none.');
  op.setBackupId(backupId);
  op.progress({ stage: `Checking backup ${backupId} and the appliance's software version` });
  const backup = await getWireBackup(ctx, backupId, { signal: op.signal });
  checkRestorable(backup, await readDeviceInfo(ctx, { signal: op.signal }));
  const before = await readIdleRestoreStatus(ctx, `restore ${describeBackup(backup)}`, { signal: op.signal });
  const lastRestoreTimeBefore = before.last_restore_time ?? 0;
  const startedAtMs = Date.now();
  op.setRemoteRef(remoteRefFor({ op: 'restore', backupId, lastRestoreTimeBefore, startedAtMs }));
  op.progress({ stage: `Sending the restore of ${describeBackup(backup)}` });
  try {
    const res = await authed(ctx, { method: 'POST', path: backupPath(backupId, '/restore'), signal: op.signal });
    if (res.status < 200 || res.status > 299) throw await refusal(res, `restore ${describeBackup(backup)}`);
    await res.discard();
  } catch (error) {
    // No answer in time, or the socket closed after the request went out: the appliance may have taken
    // the restore and gone down to reboot. Its restore_status (last_restore_time) settles it.
    if (!mayHaveActed(error) || op.signal.aborted) throw error;
    ctx.log.warn('The restore request got no answer; following restore_status to learn whether it started', { backupId, error: (error as Error).message });
  }
  milestones(op)('Restore started');
  return followRestore(ctx, timings, op, { backupId, lastRestoreTimeBefore, startedAtMs, resumed: false });
}
