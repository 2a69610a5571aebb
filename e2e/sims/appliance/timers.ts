/** Every pending simulated-duration timer, so reset() and close() can cancel them all. */
export class Timers {
  private pending = new Set<NodeJS.Timeout>();

  later(ms: number, run: () => void): void {
    const timer = setTimeout(
      () => {
        this.pending.delete(timer);
        run();
      },
      Math.max(0, ms),
    );
    this.pending.add(timer);
  }

  clear(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
