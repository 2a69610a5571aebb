import { embeddedSchema, type Backup, type BackupStatus, type BackupStatusEnum, type BackupStreamedProgress } from './wire';

export type Phase = 'creation' | 'restoration';
export type EndStatus = Extract<BackupStatusEnum, 'COMPLETED' | 'FAILED' | 'CANCELED'>;

/** The share of an operation spent INITIALIZED (at 0 %) before bytes start moving. */
const INITIALIZING_SHARE = 0.1;

/** One backup creation or restoration moving through INITIALIZED -> IN-PROGRESS -> an end status. */
export class SimOperation {
  status: BackupStatusEnum = 'INITIALIZED';
  percentage = 0;
  endedAt: number | undefined;
  private readonly endWaiters: Array<() => void> = [];

  constructor(
    readonly phase: Phase,
    readonly backup: Backup,
    private readonly startedAt: number,
    private readonly durationMs: number,
    /** Set when this operation is doomed to fail at that percentage. */
    private readonly failAtPercentage: number | undefined,
  ) {}

  get running(): boolean {
    return this.endedAt === undefined;
  }

  /** Moves the operation to `now`; returns the end status it reached, if any. */
  advance(now: number): EndStatus | undefined {
    if (!this.running) return undefined;
    const elapsed = now - this.startedAt;
    const initializingMs = this.durationMs * INITIALIZING_SHARE;
    if (elapsed < initializingMs) return undefined;
    this.status = 'IN-PROGRESS';
    const fraction = Math.min(1, (elapsed - initializingMs) / (this.durationMs - initializingMs));
    this.percentage = Math.round(fraction * 1000) / 10;
    if (this.failAtPercentage !== undefined && this.percentage >= this.failAtPercentage) return 'FAILED';
    if (this.percentage >= 100) return 'COMPLETED';
    return undefined;
  }

  end(status: EndStatus, now: number): void {
    if (!this.running) return;
    this.status = status;
    if (status === 'COMPLETED') this.percentage = 100;
    this.endedAt = now;
    for (const wake of this.endWaiters.splice(0)) wake();
  }

  /** Resolves when the operation ends (or at once if it already has). */
  whenEnded(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  /** Releases anyone waiting, without ending (the simulator is shutting down or resetting). */
  abandon(): void {
    for (const wake of this.endWaiters.splice(0)) wake();
  }

  toStatus(backup: Backup): BackupStatus {
    return { schema: embeddedSchema, backup, value: this.status, percentage: this.percentage };
  }

  toStreamed(backup: Backup): BackupStreamedProgress {
    return { schema: embeddedSchema, backup, status: this.status, percentage: this.percentage };
  }
}
