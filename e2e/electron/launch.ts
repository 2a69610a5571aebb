import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { electronExecutable, mainEntry, repoRoot } from './electron-available';

/**
 * Keep the OS keyring out of the run (no unlock prompt on Linux desktops or macOS): safeStorage
 * then uses Chromium's basic backend; on Linux a new install then gets a passphrase vault instead.
 */
const keyringArgs = ['--password-store=basic', '--use-mock-keychain'];
const VAULT_PASSPHRASE = 'electron e2e vault passphrase';

function appEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RENDERER_URL; // the built renderer, never a dev server
  delete env.ELECTRON_RUN_AS_NODE;
  env.BACKUP_CONSOLE_DATA_DIR = dataDir;
  return env;
}

/** The arguments and environment the app is started with on `dataDir`. */
export function appCommand(dataDir: string): { args: string[]; env: Record<string, string> } {
  return { args: [...keyringArgs, mainEntry], env: appEnv(dataDir) };
}

/** Starts the built app on its own data folder and waits until it is ready (unlocking a new passphrase vault). */
export async function launchApp(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({ executablePath: electronExecutable(), ...appCommand(dataDir), cwd: repoRoot, timeout: 60_000 });
  const page = await app.firstWindow();
  const ready = page.locator('[data-app-state="ready"]');
  const vaultGate = page.getByTestId('vault-passphrase');
  await expect(ready.or(vaultGate)).toBeVisible({ timeout: 30_000 });
  if (await vaultGate.isVisible()) {
    await vaultGate.fill(VAULT_PASSPHRASE);
    await page.getByTestId('vault-passphrase-confirm').fill(VAULT_PASSPHRASE);
    await page.getByTestId('vault-unlock').click();
  }
  await expect(ready).toBeVisible({ timeout: 30_000 });
  return { app, page };
}

/** Closing is bounded: a hung quit must not hang the suite. */
export async function closeApp(target: ElectronApplication): Promise<void> {
  const closed = target.close().then(() => true, () => true);
  const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000));
  if (!(await Promise.race([closed, timedOut]))) target.process().kill('SIGKILL');
}
