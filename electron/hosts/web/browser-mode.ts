import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../../core/app-core';
import { createLogger, SecretRedactor, type Logger } from '../../core/log/logger';
import { PassphraseVault } from '../../core/secrets/passphrase-vault';
import { startWebHost, type WebHost } from './server';

export interface BrowserModeOptions {
  dataDir: string;
  port: number;
  staticDir?: string;
  version: string;
  /** Unlocks (or creates) the vault without asking in the UI: demos and automation only. */
  presetPassphrase?: string;
  /** Echo log lines to stderr as well as the log file. */
  logToStderr?: boolean;
  /** Receives every log line (tests). */
  logSink?: (line: string) => void;
}

export interface BrowserMode {
  core: AppCore;
  host: WebHost;
  log: Logger;
  close(): Promise<void>;
}

/** The same core the Electron shell runs, under plain Node, with the web host in front. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const redactor = new SecretRedactor();
  const log = createLogger({ file: join(options.dataDir, 'logs', 'web.log'), stderr: options.logToStderr, redactor, sink: options.logSink });
  const vault = await PassphraseVault.open(join(options.dataDir, 'secrets.json'), { onSecret: (value) => redactor.add(value) });
  const core = await createAppCore({ dataDir: options.dataDir, secretStore: vault, log, host: 'web', version: options.version, redactor });
  if (options.presetPassphrase) {
    const result = await core.dispatch('vault.unlock', { passphrase: options.presetPassphrase });
    if (!result.ok) throw new Error(`The preset vault passphrase was refused: ${result.error.message}`);
  }
  const host = await startWebHost({ core, log, port: options.port, staticDir: options.staticDir });
  return {
    core,
    host,
    log,
    async close() {
      await host.close();
      await core.close();
    },
  };
}
