// `npm run demo`: starts every simulator and the app already configured with them. The Electron
// window where the runtime is installed; otherwise browser mode, with its URL printed and opened.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startAllSims } from '../e2e/sims/run-all';
import { ensureElectronBinary } from './electron-binary';
import { startBrowserMode } from '../electron/hosts/web/browser-mode';
import { openInBrowser } from './open-in-browser';

const root = resolve(import.meta.dirname, '..');
const demoData = join(root, '.demo-data');
const DEMO_PASSPHRASE = 'demo-vault-passphrase';

async function runBrowserMode(endpointLines: string, stopSims: () => Promise<void>): Promise<void> {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const start = (port: number) =>
    startBrowserMode({ dataDir: join(demoData, 'browser'), port, staticDir: join(root, 'out', 'renderer'), version, presetPassphrase: DEMO_PASSPHRASE });
  const app = await start(4870).catch((error: { code?: string }) => (error.code === 'EADDRINUSE' ? start(0) : Promise.reject(error)));
  const imported = await app.core.dispatch('endpoints.import', { text: endpointLines });
  if (!imported.ok) throw new Error(imported.error.message);
  console.log(`\nBackup Console demo (browser mode: the Electron runtime is not installed here)\n  Open: ${app.host.url}\n  Demo vault passphrase: ${DEMO_PASSPHRASE}\nPress Ctrl+C to stop.`);
  openInBrowser(app.host.url);
  const stop = () => void Promise.all([app.close(), stopSims()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function runElectron(binary: string, endpointLines: string, stopSims: () => Promise<void>): void {
  console.log('Starting the Backup Console window with the demo endpoints...');
  const child = spawn(binary, [join(root, 'out', 'main', 'main.js')], {
    stdio: 'inherit',
    env: { ...process.env, BACKUP_CONSOLE_DATA_DIR: join(demoData, 'electron'), BACKUP_CONSOLE_IMPORT_ENDPOINTS: endpointLines },
  });
  child.on('exit', (code) => void stopSims().then(() => process.exit(code ?? 0)));
  process.once('SIGINT', () => child.kill('SIGINT'));
}

// Each run starts clean: the simulators' ports (and so the endpoints) may differ from the last run.
rmSync(demoData, { recursive: true, force: true });
const sims = await startAllSims({ randomPorts: false });
const lines = sims.endpoints.map((e) => JSON.stringify(e)).join('\n');
for (const e of sims.endpoints) console.log(`Simulator: ${e.name} at ${e.url}`);
const binary = ensureElectronBinary();
if (binary) runElectron(binary, lines, () => sims.close());
else await runBrowserMode(lines, () => sims.close());
