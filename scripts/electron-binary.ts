import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const electronPackage = (root: string) => join(root, 'node_modules', 'electron');

/**
 * The Electron executable when its runtime is present; undefined otherwise. Never `require('electron')`
 * to find out: since electron 45 that starts a download.
 */
export function electronBinary(root = resolve(import.meta.dirname, '..')): string | undefined {
  const pkg = electronPackage(root);
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : undefined;
}

/** Electron 45 downloads its runtime on first use; try that once (it fails fast on offline machines). */
export function ensureElectronBinary(root = resolve(import.meta.dirname, '..')): string | undefined {
  const present = electronBinary(root);
  if (present || process.env.BACKUP_CONSOLE_NO_ELECTRON) return present;
  console.log('Fetching the Electron runtime (first run only, about 100 MB)...');
  const result = spawnSync(process.execPath, [join(electronPackage(root), 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  if (result.status !== 0) {
    const reason = String(result.stderr ?? '').split('\n').find((line) => /error/i.test(line))?.trim() ?? 'no network access to its download site';
    console.log(`The Electron runtime could not be downloaded (${reason}); using browser mode instead.`);
  }
  return electronBinary(root);
}
