import { epochSeconds, type ApplianceContext } from './context';
import { demoCredentials, factoryCredentials } from './device';
import { ApiError, errorIds } from './errors';
import type { WireRestoreStatus } from './types';

/** Between the 202 and the reboot (× timeScale). */
export const RESTORE_WORK_MS = 1_000;

export const notRunStatus = (): WireRestoreStatus => ({ last_restore_time: 0, status: 'not_run', status_message: '' });

const outcomeMessages: Record<WireRestoreStatus['status'], string> = {
  not_run: '',
  started: '',
  completed: '',
  completed_with_errors: 'Restore completed with errors: some settings could not be applied (simulated)',
  failed: 'Restore failed: the backup could not be applied; the previous configuration was kept (simulated)',
};

function checkIdle(ctx: ApplianceContext): void {
  if (ctx.reboot.phase !== 'none') throw new ApiError(503, errorIds.unavailable, 'A restore or factory reset is in progress: the appliance is about to reboot');
}

/**
 * POST /backups/items/{id}/restore: the backup must be completed and of this box's sw_version. Answers
 * the restore_status ('started'), then reboots; afterwards restore_status has the outcome, every token is
 * gone, the backups are still there and the login is the demo one again (every backup the simulator
 * holds was taken with it).
 */
export function startRestore(ctx: ApplianceContext, id: string): WireRestoreStatus {
  checkIdle(ctx);
  const backup = ctx.store.completed(id);
  if (backup.wire.sw_version !== ctx.device.sw_version)
    throw new ApiError(
      400,
      errorIds.versionMismatch,
      `Backup ${id} was taken on software version ${backup.wire.sw_version}; this appliance runs ${ctx.device.sw_version}. Restore needs the same version.`,
    );
  ctx.restoreStatus = { ...ctx.restoreStatus, status: 'started', status_message: `Restoring backup ${id}; the appliance will reboot` };
  ctx.reboot.schedule(RESTORE_WORK_MS * ctx.timeScale, {
    down: () => ctx.tokens.dropAll(),
    back: () => {
      const status = ctx.faults.restoreOutcome;
      ctx.restoreStatus = { last_restore_time: epochSeconds(), status, status_message: outcomeMessages[status] };
      if (status !== 'failed') ctx.credentials = { ...demoCredentials };
      ctx.restores += 1;
    },
  });
  return { ...ctx.restoreStatus };
}

/**
 * POST /backups/reset_factory: answers restore_status 'started', reboots, and comes back wiped: no
 * backups, admin/admin, a new self-signed certificate, restore_status not_run.
 */
export function startFactoryReset(ctx: ApplianceContext): WireRestoreStatus {
  checkIdle(ctx);
  const answer: WireRestoreStatus = { ...ctx.restoreStatus, status: 'started', status_message: 'Resetting to factory defaults; the appliance will reboot' };
  ctx.restoreStatus = answer;
  ctx.reboot.schedule(RESTORE_WORK_MS * ctx.timeScale, {
    down: () => {
      ctx.tokens.dropAll();
      ctx.store.wipe();
      ctx.credentials = { ...factoryCredentials };
      ctx.regenerateCertificate();
    },
    back: () => {
      ctx.restoreStatus = notRunStatus();
      ctx.factoryResets += 1;
    },
  });
  return { ...answer };
}

/** What restore_status says while a restore someone else started is still running. */
export function underWay(status: WireRestoreStatus): WireRestoreStatus {
  return { last_restore_time: status.last_restore_time, status: 'started', status_message: 'Restore in progress' };
}

/** Mutating calls wait while a reboot is pending. */
export const refuseWhileRebooting = checkIdle;
