/** The last `keep` entries a simulator recorded (oldest dropped first), for tests and for debugging e2e runs. */
export class RecentEntries<T extends object> {
  private entries: T[] = [];

  constructor(private readonly keep: number) {}

  /** Records `entry` and hands it back, so the caller can fill in its outcome later. */
  protected add(entry: T): T {
    this.entries.push(entry);
    if (this.entries.length > this.keep) this.entries.splice(0, this.entries.length - this.keep);
    return entry;
  }

  /** Copies of the entries, oldest first. */
  list(): T[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
