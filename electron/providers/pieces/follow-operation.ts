import type { OperationContext, OperationOutcome } from '../provider';
import type { Phase } from './api';
import { cancelAndFollow } from './cancel-operation';
import { watch, type FollowOptions, type ProgressReporter } from './follow-context';
import { noCancel, outcomeForEnd } from './outcomes';
import { freshEvidence } from './progress-watch';
import { settleGone } from './settle-gone';

export type { FollowOptions } from './follow-context';

const stages: Record<Phase, Record<string, string>> = {
  creation: {
    INITIALIZED: 'Pieces OS is preparing the backup',
    'IN-PROGRESS': 'Uploading backup to Pieces cloud',
    COMPLETED: 'Backup complete',
  },
  restoration: {
    INITIALIZED: 'Pieces OS is preparing the restore',
    'IN-PROGRESS': 'Downloading the backup and replacing the local database',
    COMPLETED: 'Restore complete',
  },
};

/** Turns observations into progress updates: fraction never goes backwards, repeats are dropped. */
function progressReporter(op: OperationContext, phase: Phase, bytesTotal: number | undefined): ProgressReporter {
  let best: number | undefined;
  let last = '';
  let held: string | undefined;
  const emit = (stage: string) => {
    const key = `${stage}|${best}`;
    if (key === last) return;
    last = key;
    if (best === undefined) return op.progress({ stage });
    const bytes = bytesTotal ? { bytesTotal, bytesDone: Math.round(best * bytesTotal) } : {};
    op.progress({ stage, fraction: best, ...bytes });
  };
  return {
    observe({ status, percentage }) {
      best ??= 0;
      if (percentage !== undefined) best = Math.max(best, Math.min(1, Math.max(0, percentage / 100)));
      emit(held ?? stages[phase][status] ?? `Pieces OS reports ${status}`);
    },
    holdStage(stage) {
      held = stage;
      emit(stage);
    },
  };
}

/**
 * Follows a running creation or restoration to its end and says what happened; cancels it when
 * `op.signal` aborts. Null means Pieces OS no longer knows the operation and its result cannot be told.
 */
export async function followOperation(o: FollowOptions): Promise<OperationOutcome | null> {
  const evidence = freshEvidence();
  const reporter = progressReporter(o.op, o.phase, o.backup?.bytes ?? o.request.value?.bytes);
  const end = await watch(o, evidence, o.op.signal, reporter.observe);
  if (end.kind === 'ended') return outcomeForEnd(o.phase, end.status, o.backupId, noCancel);
  if (end.kind === 'gone') return settleGone(o, evidence, noCancel);
  return cancelAndFollow(o, evidence, reporter);
}
