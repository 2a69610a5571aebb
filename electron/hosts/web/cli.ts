import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserMode } from './browser-mode';

const repoRoot = resolve(import.meta.dirname, '../../..');
const usage = `Usage: npm run serve -- [--port N] [--data-dir DIR] [--static-dir DIR]

Runs Backup Console in browser mode on 127.0.0.1 and prints a URL with a one-time token.
  --port N         port to listen on (default 4870; 0 picks a free one)
  --data-dir DIR   where endpoints, jobs, logs and the encrypted vault live
                   (default $BACKUP_CONSOLE_DATA_DIR or ~/.local/share/backup-console)
  --static-dir DIR the built renderer (default out/renderer)
Set BACKUP_CONSOLE_VAULT_PASSPHRASE to unlock the vault without asking (demos only).`;

function defaultDataDir(): string {
  if (process.env.BACKUP_CONSOLE_DATA_DIR) return process.env.BACKUP_CONSOLE_DATA_DIR;
  const xdg = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(xdg, 'backup-console');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4870' },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const app = await startBrowserMode({
    dataDir,
    port,
    staticDir: resolve(values['static-dir'] ?? join(repoRoot, 'out', 'renderer')),
    version,
    presetPassphrase: process.env.BACKUP_CONSOLE_VAULT_PASSPHRASE || undefined,
  });
  console.log(`Backup Console (browser mode) is running.\n  Open: ${app.host.url}\n  Data: ${dataDir}\nPress Ctrl+C to stop.`);
  const stop = () => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error('That port is already in use. Pick another with --port, or --port 0 for any free port.');
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
