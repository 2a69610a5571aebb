import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../core/fs/atomic-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What `screen.getAllDisplays()` returns, reduced to what clamping needs. */
export interface DisplayLike {
  workArea: Rect;
}

export const defaultWindowSize = { width: 1280, height: 820 };
export const minWindowSize = { width: 900, height: 600 };
/** At least this much of the window must be on some display, or it is recentred. */
const minVisible = 96;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Accepts only a well-formed saved state; anything else (old format, hand edits) is ignored. */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (!bounds || typeof bounds !== 'object') return undefined;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteNumber)) return undefined;
  const rect = { x, y, width, height } as Rect;
  if (rect.width <= 0 || rect.height <= 0) return undefined;
  return { bounds: rect, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centredOn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h,
  };
}

/**
 * Puts saved bounds back on a display that exists now. A window mostly off-screen (monitor
 * unplugged, resolution changed) is recentred on the primary display; one that is visible keeps
 * its place but is shrunk and nudged so it fits entirely inside that display's work area.
 */
export function clampToDisplays(saved: Rect | undefined, displays: readonly DisplayLike[], primary: DisplayLike): Rect {
  const fallback = centredOn(primary.workArea, defaultWindowSize.width, defaultWindowSize.height);
  if (!saved) return fallback;
  let best: { area: Rect; visible: number } | undefined;
  for (const display of displays) {
    const o = overlap(saved, display.workArea);
    const visible = o.width * o.height;
    if (o.width >= minVisible && o.height >= minVisible && (!best || visible > best.visible)) {
      best = { area: display.workArea, visible };
    }
  }
  if (!best) return centredOn(primary.workArea, saved.width, saved.height);
  const area = best.area;
  const width = Math.min(Math.max(saved.width, Math.min(minWindowSize.width, area.width)), area.width);
  const height = Math.min(Math.max(saved.height, Math.min(minWindowSize.height, area.height)), area.height);
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

export async function readWindowState(file: string): Promise<WindowState | undefined> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Atomic (temp file + rename), so a crash mid-write leaves the previous state, not half a file. */
export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n');
}
