import { describe, expect, it } from 'vitest';
import { createTaskbarProgress, taskbarProgressValue, type ProgressTarget } from './taskbar-progress';

describe('taskbarProgressValue', () => {
  it('hides the bar when idle, fills it when known, goes indeterminate when not', () => {
    expect(taskbarProgressValue(0, undefined)).toBe(-1);
    expect(taskbarProgressValue(0, 0.5)).toBe(-1);
    expect(taskbarProgressValue(2, 0.25)).toBe(0.25);
    expect(taskbarProgressValue(1, undefined)).toBe(2);
    expect(taskbarProgressValue(1, Number.NaN)).toBe(2);
    expect(taskbarProgressValue(1, 1.7)).toBe(1);
  });
});

describe('createTaskbarProgress', () => {
  it('only calls the window when the value visibly changes', () => {
    const state = { active: 1, progress: 0.1 as number | undefined };
    const calls: [number, string | undefined][] = [];
    const target: ProgressTarget = { isDestroyed: () => false, setProgressBar: (v, o) => calls.push([v, o?.mode]) };
    const update = createTaskbarProgress({ activeJobCount: () => state.active, aggregateProgress: () => state.progress }, () => target);

    update();
    state.progress = 0.105;
    update();
    state.progress = 0.2;
    update();
    state.progress = undefined;
    update();
    state.active = 0;
    update();
    update();
    update(true);
    expect(calls).toEqual([
      [0.1, 'normal'],
      [0.2, 'normal'],
      [2, 'indeterminate'],
      [-1, 'none'],
      [-1, 'none'],
    ]);
  });

  it('does nothing without a live window', () => {
    const update = createTaskbarProgress({ activeJobCount: () => 1, aggregateProgress: () => 0.5 }, () => undefined);
    expect(() => update()).not.toThrow();
  });
});
