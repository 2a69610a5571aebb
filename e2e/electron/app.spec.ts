import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { startApplianceSim } from '../sims/appliance';
import { startPiecesSim, type PiecesSim } from '../sims/pieces';
import { applianceEndpoint } from '../sims/run-all';
import { assertBuilt, electronExecutable, electronMissingReason, repoRoot } from './electron-available';
import { appCommand, closeApp, launchApp } from './launch';

/**
 * The real shell: hardened window, preload bridge, IPC host, core and a Pieces OS simulator.
 * One app per file (serial), like a user would run it; a fresh data folder per run.
 */
const executable = electronExecutable();
if (!executable) console.log(`[electron e2e] skipped: ${electronMissingReason}`);
test.skip(!executable, electronMissingReason);
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let sim: PiecesSim;
let dataDir: string;

test.beforeAll(async () => {
  assertBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'bc-electron-e2e-'));
  sim = await startPiecesSim({ port: 0, timeScale: 1 });
  ({ app, page } = await launchApp(dataDir));
});

test.afterAll(async () => {
  if (app) await closeApp(app);
  if (sim) await sim.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type PageGlobals = Record<string, unknown> & {
  backupConsole?: { call(name: string, input: unknown): Promise<unknown> };
  open(url: string): unknown;
  location: { href: string };
};

test('the window is sandboxed and sees only the bridge', async () => {
  const seen = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    const bridge = w.backupConsole as Record<string, unknown> | undefined;
    return {
      process: typeof w.process,
      require: typeof w.require,
      module: typeof w.module,
      bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
      electronGlobals: Object.keys(w).filter((k) => /electron|ipc/i.test(k)),
    };
  });
  expect(seen).toEqual({ process: 'undefined', require: 'undefined', module: 'undefined', bridgeKeys: ['call', 'on', 'pathForFile'], electronGlobals: [] });
});

test('the bridge refuses names outside the contract', async () => {
  const result = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).backupConsole?.call('shell.openExternal', { url: 'file:///etc/passwd' }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
});

test('the content security policy blocks eval', async () => {
  const evalBlocked = await page.evaluate(() => {
    try {
      return (0, eval)('"eval ran"') !== 'eval ran';
    } catch {
      return true;
    }
  });
  expect.soft(evalBlocked, 'CSP header (webRequest) or <meta> CSP in renderer/index.html should forbid eval').toBe(true);
});

test('navigation and new windows are contained', async () => {
  const before = page.url();
  const denied = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('file:///etc/hosts') === null);
  expect(denied).toBe(true);
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'file:///etc/hosts';
  });
  const log = () => readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');
  await expect.poll(log).toContain('"message":"blocked window.open"');
  await expect.poll(log).toContain('"message":"blocked navigation"');
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
});

test('a second launch focuses the first instead of starting another app', async () => {
  // Playwright adds --no-sandbox on Linux for the first instance (CI often runs as root); match it.
  const platformArgs = process.platform === 'linux' ? ['--no-sandbox'] : [];
  const { args, env } = appCommand(dataDir);
  const second = spawn(executable as string, [...platformArgs, ...args], { cwd: repoRoot, env, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      reject(new Error('the second instance did not exit'));
    }, 30_000);
    second.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(0);
  expect(app.windows()).toHaveLength(1);
});

test('backs up a Pieces OS endpoint from the UI', async () => {
  await page.getByTestId('add-endpoint').click();
  const form = page.getByTestId('endpoint-form');
  await expect(form).toBeVisible();
  const kind = form.getByTestId('endpoint-kind');
  await kind.selectOption('pieces');
  await form.getByTestId('endpoint-name').fill('Pieces simulator');
  await form.getByTestId('endpoint-url').fill(sim.url);
  await form.getByTestId('endpoint-save').click();

  const endpoint = page.getByTestId('endpoint-item').filter({ hasText: 'Pieces simulator' });
  await expect(endpoint).toBeVisible();
  await endpoint.getByRole('button').first().click(); // the row's select button; Test/Edit/Remove follow

  await page.getByTestId('backup-now').click();
  // About four seconds at timeScale 1: long enough to see the job run, then finish.
  await expect(page.getByTestId('job-progress').first()).toBeVisible({ timeout: 15_000 });
  const job = page.getByTestId('job-item').filter({ hasText: 'Pieces simulator' }).first();
  await expect(job.getByTestId('job-state')).toHaveText(/succeeded/i, { timeout: 60_000 });
  await page.screenshot({ path: join(repoRoot, 'e2e', 'screenshots', 'electron-backup-succeeded.png') });
});

test('uploads a picked backup file to a network appliance by its path on disk (webUtils in the preload)', async () => {
  const appliance = await startApplianceSim({ port: 0, timeScale: 0.1 });
  try {
    const file = join(dataDir, '..', `bc-electron-upload-${process.pid}.tgz`);
    writeFileSync(file, gzipSync(Buffer.from('an appliance backup picked on the desktop '.repeat(2000))));
    const imported = await page.evaluate(
      (text) => (globalThis as unknown as PageGlobals).backupConsole?.call('endpoints.import', { text }),
      JSON.stringify(applianceEndpoint(appliance, 'Desktop appliance')),
    );
    expect(imported).toMatchObject({ ok: true });
    const endpoint = page.getByTestId('endpoint-item').filter({ hasText: 'Desktop appliance' });
    await endpoint.getByRole('button').first().click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-file').click();
    await (await chooser).setFiles(file);
    const dialog = page.getByTestId('upload-dialog');
    await dialog.getByTestId('upload-accept-warnings').check();
    await dialog.getByTestId('upload-submit').click();
    const job = page.locator('[data-testid="job-item"][data-job-kind="upload"]').first();
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 60_000 });
    expect(appliance.state.backups.some((b) => b.size === readFileSync(file).length)).toBe(true);
    rmSync(file, { force: true });
  } finally {
    await appliance.close();
  }
});

test('quits gracefully, closing the core first', async () => {
  await closeApp(app);
  const log = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8');
  expect(log).toContain('"message":"stopped"');
  expect(log).not.toContain('rejected IPC call');
});
