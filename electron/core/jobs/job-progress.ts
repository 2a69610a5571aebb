import type { JobProgress } from '../../../shared/domain';
import type { ProgressUpdate } from '../../providers/provider';

const usable = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/**
 * Folds a provider's update into the job's progress (ETA aside). Fractions are clamped to 0..1;
 * byte counts that are negative or not numbers are ignored. When an update carries bytes but no
 * fraction, the fraction follows from the bytes.
 */
export function mergeProgress(current: JobProgress, update: ProgressUpdate): JobProgress {
  const next: JobProgress = { ...current };
  if (usable(update.bytesDone)) next.bytesDone = update.bytesDone;
  if (usable(update.bytesTotal)) next.bytesTotal = update.bytesTotal;
  if (typeof update.fraction === 'number' && !Number.isNaN(update.fraction)) {
    next.fraction = Math.min(1, Math.max(0, update.fraction));
  } else if ((usable(update.bytesDone) || usable(update.bytesTotal)) && next.bytesDone !== undefined && next.bytesTotal) {
    next.fraction = Math.min(1, next.bytesDone / next.bytesTotal);
  }
  return next;
}

export function sameProgress(a: JobProgress, b: JobProgress): boolean {
  return a.fraction === b.fraction && a.bytesDone === b.bytesDone && a.bytesTotal === b.bytesTotal;
}
