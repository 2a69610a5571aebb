import { delay } from './http-io';

/**
 * Paces file bodies to `rate()` bytes per second (the slowLinkBytesPerSecond fault). The rate is read on
 * every call, so flipping the fault mid-transfer takes effect at once; undefined means full speed.
 */
export class Pacer {
  private nextAt = 0;

  constructor(private readonly rate: () => number | undefined) {}

  get limited(): boolean {
    return (this.rate() ?? 0) > 0;
  }

  /** The largest piece worth sending at once: about 1/20 s of the link, so pacing stays smooth. */
  slice(): number {
    const rate = this.rate();
    return rate && rate > 0 ? Math.max(512, Math.floor(rate / 20)) : Number.POSITIVE_INFINITY;
  }

  /** Waits until `bytes` more may pass. */
  async take(bytes: number): Promise<void> {
    const rate = this.rate();
    const now = Date.now();
    if (!rate || rate <= 0) {
      this.nextAt = now;
      return;
    }
    this.nextAt = Math.max(this.nextAt, now) + (bytes / rate) * 1000;
    const wait = this.nextAt - now;
    if (wait >= 1) await delay(wait);
  }
}
