import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** The built main process; the spec drives the same file `npm start` runs. */
export const mainEntry = join(repoRoot, 'out', 'main', 'main.js');

/**
 * The Electron executable, or undefined when the runtime was never downloaded. Never
 * `require('electron')` here: without the runtime that call starts a download.
 */
export function electronExecutable(): string | undefined {
  return electronBinary(repoRoot);
}

export const electronMissingReason =
  'Electron binary not installed (node_modules/electron/dist missing; it downloads from GitHub at first run, ' +
  'which this machine cannot reach). Run `npx electron --version` on a connected machine to fetch it, then rerun.';

/** Thrown (not skipped) when Electron is there but the app was not built: that is a mistake to fix. */
export function assertBuilt(): void {
  for (const file of [mainEntry, join(repoRoot, 'out', 'preload', 'preload.cjs'), join(repoRoot, 'out', 'renderer', 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing. Run \`npm run build\` (electron-vite build) before the Electron e2e tests.`);
  }
}
