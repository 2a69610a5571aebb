import type { Logger } from '../core/log/logger';

export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface GracefulQuitOptions {
  /**
   * Asked before shutting down while `needed` (jobs still run): false keeps the app running. Not asked
   * again once agreed. `dismissed` aborts when the quit is forced while the question is open.
   */
  confirm?: { needed(): boolean; ask(dismissed: AbortSignal): Promise<boolean> };
  timeoutMs?: number;
}

export interface GracefulQuit {
  /** Whether quitting now would ask first; a window that is closing waits for `confirmQuit`. */
  wouldAsk(): boolean;
  /** Asks (one question at a time, shared by every caller); true once the operator agreed to quit. */
  confirmQuit(): Promise<boolean>;
  /** Quits without asking: a signal or the system ending the session. */
  quitWithoutAsking(): void;
}

/**
 * Holds the first quit until the operator agreed (when jobs run) and `shutdown` (core.close: persist
 * jobs, close connections) finished or timed out, then quits for real. Further quit requests while
 * it runs are absorbed.
 */
export function installGracefulQuit(app: QuittableApp, shutdown: () => Promise<void>, log: Logger, options: GracefulQuitOptions = {}): GracefulQuit {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let phase: 'running' | 'asking' | 'closing' | 'done' = 'running';
  let agreed = false;
  let forced = false;
  let question: { answer: Promise<boolean>; dismiss: AbortController } | undefined;
  const wouldAsk = () => !agreed && Boolean(options.confirm?.needed());

  const confirmQuit = (): Promise<boolean> => {
    if (!wouldAsk()) return Promise.resolve(true);
    if (!question) {
      const dismiss = new AbortController();
      const answer = (options.confirm as NonNullable<GracefulQuitOptions['confirm']>)
        .ask(dismiss.signal)
        .catch((error: unknown) => {
          log.error('could not ask whether to quit; quitting', { error });
          return true;
        })
        .then((yes) => {
          question = undefined;
          // A forced quit while the question was open wins over a late "Keep running".
          agreed ||= yes || forced;
          return agreed;
        });
      question = { answer, dismiss };
    }
    return question.answer;
  };

  const close = () => {
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
  };

  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase !== 'running') return;
    if (!wouldAsk()) return close();
    phase = 'asking';
    void confirmQuit().then((yes) => {
      if (phase !== 'asking') return;
      if (yes) return close();
      phase = 'running';
      log.info('quit cancelled: jobs are still running');
    });
  });

  return {
    wouldAsk,
    confirmQuit,
    quitWithoutAsking() {
      forced = agreed = true;
      question?.dismiss.abort();
      if (phase === 'asking') close();
      else app.quit();
    },
  };
}
