import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rect } from './window-state';
import { trackWindowState, type TrackedWindow } from './window-state-tracker';

class FakeWindow implements TrackedWindow {
  bounds: Rect = { x: 0, y: 0, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;
  private readonly listeners = new Map<string, (() => void)[]>();
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}

describe('trackWindowState', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('saves once moves settle and at once on close', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-tracker-'));
    const file = join(dir, 'window-state.json');
    const win = new FakeWindow();
    const onError = vi.fn();
    const tracker = trackWindowState(win, file, onError, 50);

    win.bounds = { x: 5, y: 6, width: 1100, height: 750 };
    win.emit('move');
    win.emit('resize');
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8')).bounds).toEqual(win.bounds));

    win.maximized = true;
    win.emit('close');
    win.destroyed = true;
    await tracker.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 5, y: 6, width: 1100, height: 750 }, maximized: true });
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports write failures instead of throwing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-tracker-'));
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, '');
    const win = new FakeWindow();
    const onError = vi.fn();
    const tracker = trackWindowState(win, join(notAFolder, 'window-state.json'), onError, 10);
    win.emit('close');
    await tracker.flush();
    expect(onError).toHaveBeenCalledOnce();
  });
});
