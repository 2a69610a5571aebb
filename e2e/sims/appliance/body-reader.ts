import type { IncomingMessage } from 'node:http';

/**
 * Pulls a request body one chunk at a time, keeping the request paused in between, so a slow consumer
 * (disk, throttle) pushes back on the client through TCP. Unlike `for await`, stopping early does not
 * destroy the request: detach() and the rest of the body can still be discarded before answering.
 */
export class BodyReader {
  private queue: Buffer[] = [];
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly req: IncomingMessage) {
    req.on('data', this.onData).on('end', this.onEnd).on('error', this.onError).on('close', this.onClose);
    req.pause();
  }

  /** The next chunk, or null at the end of the body; throws when the client aborts. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) return chunk;
      if (this.failure) throw this.failure;
      if (this.ended) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.req.resume();
      });
    }
  }

  /** Stops listening; the request stays paused. */
  detach(): void {
    this.req.off('data', this.onData).off('end', this.onEnd).off('error', this.onError).off('close', this.onClose);
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private onData = (chunk: Buffer) => {
    this.queue.push(chunk);
    this.req.pause();
    this.wakeUp();
  };

  private onEnd = () => {
    this.ended = true;
    this.wakeUp();
  };

  private onError = (error: Error) => {
    this.failure ??= error;
    this.wakeUp();
  };

  private onClose = () => {
    if (!this.ended) this.failure ??= new Error('the client closed the connection before the end of the body');
    this.wakeUp();
  };
}
