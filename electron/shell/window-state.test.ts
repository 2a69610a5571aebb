import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clampToDisplays, parseWindowState, readWindowState, writeWindowState, type DisplayLike } from './window-state';

const primary: DisplayLike = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right: DisplayLike = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };

describe('clampToDisplays', () => {
  it('centres a default-sized window on the primary display when nothing was saved', () => {
    expect(clampToDisplays(undefined, [primary], primary)).toEqual({ x: 320, y: 110, width: 1280, height: 820 });
  });

  it('keeps a window that fits where it was', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900 };
    expect(clampToDisplays(saved, [primary, right], primary)).toEqual(saved);
  });

  it('recentres a window whose monitor is gone', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900 };
    expect(clampToDisplays(saved, [primary], primary)).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('pulls a mostly visible window fully onto its display and shrinks it to fit', () => {
    expect(clampToDisplays({ x: 1500, y: -50, width: 1000, height: 700 }, [primary], primary)).toEqual({ x: 920, y: 0, width: 1000, height: 700 });
    expect(clampToDisplays({ x: -10, y: 0, width: 4000, height: 3000 }, [primary], primary)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('treats a sliver on screen as off screen', () => {
    const sliver = { x: 1900, y: 100, width: 1000, height: 700 };
    expect(clampToDisplays(sliver, [primary], primary)).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('picks the display showing most of a window that straddles two', () => {
    const saved = { x: 1800, y: 100, width: 1200, height: 800 };
    expect(clampToDisplays(saved, [primary, right], primary)).toEqual({ x: 1920, y: 100, width: 1200, height: 800 });
  });

  it('grows a tiny saved window to the minimum size', () => {
    expect(clampToDisplays({ x: 100, y: 100, width: 200, height: 150 }, [primary], primary)).toEqual({ x: 100, y: 100, width: 900, height: 600 });
  });
});

describe('parseWindowState', () => {
  it('accepts a well-formed state', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: true,
    });
  });

  it('rejects anything else', () => {
    for (const value of [null, 42, 'x', {}, { bounds: { x: 1, y: 2, width: 0, height: 4 } }, { bounds: { x: '1', y: 2, width: 3, height: 4 } }, { bounds: { x: Number.NaN, y: 2, width: 3, height: 4 } }]) {
      expect(parseWindowState(value)).toBeUndefined();
    }
  });
});

describe('window state file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('round-trips and leaves no temp files behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-window-'));
    const file = join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false };
    await writeWindowState(file, state);
    expect(await readWindowState(file)).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('reads a missing or broken file as no state', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-window-'));
    expect(await readWindowState(join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'broken.json'), '{"bounds": ');
    expect(await readWindowState(join(dir, 'broken.json'))).toBeUndefined();
  });
});
