/**
 * The value for `BrowserWindow.setProgressBar`: negative removes the bar, 0..1 fills it, and
 * anything above 1 shows an indeterminate bar (jobs running, none reporting a fraction).
 */
export function taskbarProgressValue(activeJobs: number, aggregate: number | undefined): number {
  if (activeJobs <= 0) return -1;
  if (aggregate === undefined || !Number.isFinite(aggregate)) return 2;
  return Math.min(1, Math.max(0, aggregate));
}

export interface ProgressSource {
  activeJobCount(): number;
  aggregateProgress(): number | undefined;
}

export interface ProgressTarget {
  isDestroyed(): boolean;
  setProgressBar(value: number, options?: { mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused' }): void;
}

/** Returns an updater that touches the taskbar only when the shown value changes (or when forced, for a new window). */
export function createTaskbarProgress(
  source: ProgressSource,
  getTarget: () => ProgressTarget | undefined,
): (force?: boolean) => void {
  let shown: number | undefined;
  return (force = false) => {
    const target = getTarget();
    if (!target || target.isDestroyed()) return;
    const value = taskbarProgressValue(source.activeJobCount(), source.aggregateProgress());
    // A 1% step is all a taskbar can show; finer changes are not worth a native call.
    if (!force && shown !== undefined && Math.abs(value - shown) < 0.01 && Math.sign(value) === Math.sign(shown)) return;
    shown = value;
    const mode = value < 0 ? 'none' : value > 1 ? 'indeterminate' : 'normal';
    target.setProgressBar(value, { mode });
  };
}
