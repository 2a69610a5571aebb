import type { Logger } from '../core/log/logger';

export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the first quit until `shutdown` (core.close: persist jobs, close connections) finishes or
 * times out, then quits for real. Further quit requests while it runs are absorbed.
 */
export function installGracefulQuit(app: QuittableApp, shutdown: () => Promise<void>, log: Logger, timeoutMs = 10_000): void {
  let phase: 'running' | 'closing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase === 'closing') return;
    phase = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    Promise.race([shutdown().then(() => 'closed' as const), timeout])
      .then((outcome) => {
        if (outcome === 'timeout') log.warn('shutdown timed out; quitting anyway', { timeoutMs });
      })
      .catch((error: unknown) => log.error('shutdown failed; quitting anyway', { error }))
      .finally(() => {
        clearTimeout(timer);
        phase = 'done';
        app.quit();
      });
  });
}
