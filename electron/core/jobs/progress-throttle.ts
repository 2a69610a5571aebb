/**
 * Delivers a job's updates at most once per interval. Progress asks with `request()`: delivered now
 * if the interval has passed, else once at its end, with whatever the job looks like then, so the
 * last value is never lost. State changes use `immediate()`, which delivers now and folds in any
 * pending progress.
 */
export class UpdateThrottle {
  private lastDeliveredAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly deliver: () => void,
  ) {}

  request(): void {
    if (this.disposed || this.timer) return;
    const wait = this.lastDeliveredAt + this.intervalMs - this.now();
    if (wait <= 0) this.fire();
    else this.timer = setTimeout(() => this.fire(), wait);
  }

  immediate(): void {
    this.cancelTimer();
    this.fire();
  }

  /** No more timers; `immediate()` still delivers (the final state of a job goes through it). */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private fire(): void {
    this.timer = undefined;
    this.lastDeliveredAt = this.now();
    this.deliver();
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
