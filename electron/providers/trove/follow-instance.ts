import type { Logger } from '../../core/log/logger';
import type { OperationContext, OperationOutcome } from '../provider';
import type { TroveApi } from './api';
import { waitingForTroveStage } from './follow-backup';
import { instanceBuiltOutcome, instanceFailedError, instanceVanishedError } from './outcomes';
import { pollUntil } from './poll';
import type { TroveTimings } from './settings';
import { instanceStage } from './stages';
import { isInstanceFailed, isInstanceReady } from './states';

export interface FollowInstanceOptions {
  api: TroveApi;
  op: OperationContext;
  log: Logger;
  timings: TroveTimings;
  instanceId: string;
  backupId: string;
  /** Epoch ms the elapsed time counts from. */
  sinceMs: number;
}

/** Polls the instance a restore builds until ACTIVE/HEALTHY (succeeded) or ERROR/FAILED (thrown). */
export async function followInstance(o: FollowInstanceOptions): Promise<OperationOutcome> {
  const end = await pollUntil(
    async () => {
      const instance = await o.api.findInstance(o.instanceId);
      if (!instance) return 'gone' as const;
      if (isInstanceReady(instance.status) || isInstanceFailed(instance.status)) return instance;
      o.op.progress({ stage: instanceStage(instance, Date.now() - o.sinceMs) });
      return undefined;
    },
    { timings: o.timings, log: o.log, onOutage: () => o.op.progress({ stage: waitingForTroveStage }) },
  );
  if (end === 'gone') throw instanceVanishedError(o.instanceId, o.backupId);
  if (isInstanceFailed(end.status)) throw instanceFailedError(end, o.backupId);
  o.log.info('Restored instance is ready', { instanceId: end.id, status: end.status });
  return instanceBuiltOutcome(end, o.backupId);
}
