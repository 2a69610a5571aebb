import { writeWindowState, type Rect, type WindowState } from './window-state';

/** The BrowserWindow surface the tracker uses (structural, so tests pass a fake). */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface WindowStateTracker {
  /** Resolves once the latest state is on disk (quit waits for it). */
  flush(): Promise<void>;
}

/**
 * Saves the normal (unmaximised) bounds and the maximised flag: after moves and resizes settle,
 * and at once when the window closes.
 */
export function trackWindowState(
  win: TrackedWindow,
  file: string,
  onError: (error: unknown) => void,
  debounceMs = 500,
): WindowStateTracker {
  let timer: NodeJS.Timeout | undefined;
  let last: WindowState | undefined;
  let lastWritten: WindowState | undefined;
  let writing: Promise<void> = Promise.resolve();

  const capture = () => {
    if (!win.isDestroyed()) last = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  };
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const state = last;
    if (!state || state === lastWritten) return writing;
    lastWritten = state;
    writing = writing.then(() => writeWindowState(file, state)).catch(onError);
    return writing;
  };
  const later = () => {
    capture();
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };

  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', () => {
    capture();
    void save();
  });
  return { flush: () => save() };
}
