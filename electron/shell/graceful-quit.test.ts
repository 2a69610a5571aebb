import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/log/logger';
import { installGracefulQuit, type QuittableApp } from './graceful-quit';

class FakeApp implements QuittableApp {
  private listener: ((event: { preventDefault(): void }) => void) | undefined;
  quits = 0;
  prevented = 0;
  on(_event: 'before-quit', listener: (event: { preventDefault(): void }) => void): this {
    this.listener = listener;
    return this;
  }
  /** Like Electron: quit() fires before-quit; it exits unless that was prevented. */
  quit(): void {
    let prevented = false;
    this.listener?.({ preventDefault: () => (prevented = true) });
    if (prevented) this.prevented++;
    else this.quits++;
  }
}

describe('installGracefulQuit', () => {
  it('holds the quit until shutdown finishes, then quits once', async () => {
    const app = new FakeApp();
    let finish!: () => void;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    installGracefulQuit(app, shutdown, silentLogger);

    app.quit();
    app.quit();
    expect(app.quits).toBe(0);
    expect(shutdown).toHaveBeenCalledOnce();
    finish();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(app.prevented).toBe(2);
  });

  it('quits anyway when shutdown fails or hangs', async () => {
    const failing = new FakeApp();
    installGracefulQuit(failing, () => Promise.reject(new Error('disk full')), silentLogger);
    failing.quit();
    await vi.waitFor(() => expect(failing.quits).toBe(1));

    const hanging = new FakeApp();
    installGracefulQuit(hanging, () => new Promise<void>(() => {}), silentLogger, { timeoutMs: 20 });
    hanging.quit();
    await vi.waitFor(() => expect(hanging.quits).toBe(1));
  });

  it('asks while jobs run: "no" keeps the app running and asks again next time; one question at a time; a signal never asks', async () => {
    const app = new FakeApp();
    const shutdown = vi.fn(() => Promise.resolve());
    const answers: boolean[] = [];
    let busy = true;
    const ask = vi.fn(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(answers.shift() ?? false), 5)));
    const quit = installGracefulQuit(app, shutdown, silentLogger, { confirm: { needed: () => busy, ask } });

    answers.push(false);
    expect(quit.wouldAsk()).toBe(true);
    app.quit();
    const fromWindow = quit.confirmQuit();
    expect(await fromWindow).toBe(false);
    expect(ask).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shutdown).not.toHaveBeenCalled();
    expect(app.quits).toBe(0);

    answers.push(true);
    app.quit();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(ask).toHaveBeenCalledTimes(2);
    expect(shutdown).toHaveBeenCalledOnce();

    const idle = new FakeApp();
    busy = false;
    installGracefulQuit(idle, shutdown, silentLogger, { confirm: { needed: () => busy, ask } }).confirmQuit();
    idle.quit();
    await vi.waitFor(() => expect(idle.quits).toBe(1));
    expect(ask).toHaveBeenCalledTimes(2);

    busy = true;
    const signalled = new FakeApp();
    installGracefulQuit(signalled, shutdown, silentLogger, { confirm: { needed: () => busy, ask } }).quitWithoutAsking();
    await vi.waitFor(() => expect(signalled.quits).toBe(1));
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('quits when the question itself fails (no dialog can be shown)', async () => {
    const app = new FakeApp();
    installGracefulQuit(app, () => Promise.resolve(), silentLogger, { confirm: { needed: () => true, ask: () => Promise.reject(new Error('no display')) } });
    app.quit();
    await vi.waitFor(() => expect(app.quits).toBe(1));
  });

  it('a forced quit while the question is open quits at once, dismisses the question, and a late "Keep running" cannot undo it', async () => {
    const app = new FakeApp();
    const shutdown = vi.fn(() => Promise.resolve());
    let answer!: (yes: boolean) => void;
    let dismissed: AbortSignal | undefined;
    const ask = (signal: AbortSignal) => {
      dismissed = signal;
      return new Promise<boolean>((resolve) => (answer = resolve));
    };
    const quit = installGracefulQuit(app, shutdown, silentLogger, { confirm: { needed: () => true, ask } });
    app.quit();
    await vi.waitFor(() => expect(dismissed).toBeDefined());
    quit.quitWithoutAsking();
    expect(dismissed?.aborted).toBe(true);
    await vi.waitFor(() => expect(app.quits).toBe(1));
    answer(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shutdown).toHaveBeenCalledOnce();
    expect(quit.wouldAsk()).toBe(false);
  });
});
