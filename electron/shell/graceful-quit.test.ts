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
    installGracefulQuit(hanging, () => new Promise<void>(() => {}), silentLogger, 20);
    hanging.quit();
    await vi.waitFor(() => expect(hanging.quits).toBe(1));
  });
});
