/**
 * Flags a job that has shown no progress for `afterMs`. Activity only records a time; the single
 * timer re-arms itself for the remainder when it fires early, so a stream of progress creates no
 * timer churn. The timer is unref'd: it never keeps the process alive.
 */
export class StallWatch {
  private lastActivityAt: number;
  private stalled = false;
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly afterMs: number,
    private readonly now: () => number,
    private readonly onChange: (stalled: boolean) => void,
  ) {
    this.lastActivityAt = now();
    this.arm();
  }

  activity(): void {
    if (this.disposed) return;
    this.lastActivityAt = this.now();
    if (this.stalled) {
      this.stalled = false;
      this.onChange(false);
    }
    if (!this.timer) this.arm();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    const wait = Math.max(0, this.lastActivityAt + this.afterMs - this.now());
    this.timer = setTimeout(() => this.check(), wait);
    this.timer.unref();
  }

  private check(): void {
    this.timer = undefined;
    if (this.disposed) return;
    if (this.now() - this.lastActivityAt >= this.afterMs) {
      this.stalled = true;
      this.onChange(true);
    } else {
      this.arm();
    }
  }
}
