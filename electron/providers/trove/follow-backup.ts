import type { Logger } from '../../core/log/logger';
import type { OperationContext } from '../provider';
import type { TroveApi } from './api';
import { pollUntil } from './poll';
import type { TroveTimings } from './settings';
import { backupStage } from './stages';
import { isRunningBackup } from './states';
import type { WireBackup } from './wire-schemas';

export const waitingForTroveStage = 'Waiting for Trove to answer again…';

export interface FollowBackupOptions {
  api: TroveApi;
  op: OperationContext;
  log: Logger;
  timings: TroveTimings;
  backupId: string;
  /** Epoch ms the elapsed time counts from. */
  sinceMs: number;
}

/** Polls a backup through NEW/BUILDING/SAVING; resolves with its end state, or 'gone' when Trove forgot it. */
export function followBackup(o: FollowBackupOptions): Promise<WireBackup | 'gone'> {
  return pollUntil<WireBackup | 'gone'>(
    async () => {
      const backup = await o.api.findBackup(o.backupId);
      if (!backup) return 'gone';
      if (!isRunningBackup(backup.status)) return backup;
      o.op.progress({ stage: backupStage(backup, Date.now() - o.sinceMs) });
      return undefined;
    },
    { timings: o.timings, log: o.log, onOutage: () => o.op.progress({ stage: waitingForTroveStage }) },
  );
}
