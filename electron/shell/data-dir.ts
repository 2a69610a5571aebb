import { isAbsolute, resolve } from 'node:path';

const flag = '--user-data-dir';
export const dataDirEnvVar = 'BACKUP_CONSOLE_DATA_DIR';

/**
 * A data folder chosen on the command line (`--user-data-dir=<dir>` or `--user-data-dir <dir>`)
 * or in `BACKUP_CONSOLE_DATA_DIR`, in that order. Tests use it to isolate each launch; undefined
 * means Electron's own `userData` folder. Relative paths are taken from `cwd`.
 */
export function resolveDataDirOverride(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): string | undefined {
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith(`${flag}=`)) chosen = arg.slice(flag.length + 1);
    else if (arg === flag && i + 1 < argv.length && !argv[i + 1].startsWith('--')) chosen = argv[i + 1];
    if (chosen !== undefined) break;
  }
  chosen = chosen?.trim() || env[dataDirEnvVar]?.trim() || undefined;
  if (!chosen) return undefined;
  return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
}
