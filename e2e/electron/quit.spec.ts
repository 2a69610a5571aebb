import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { Backup, Job } from '../../shared/domain';
import { startApplianceSim } from '../sims/appliance';
import { applianceEndpoint } from '../sims/run-all';
import { assertBuilt, electronExecutable, electronMissingReason } from './electron-available';
import { closeApp, launchApp } from './launch';

/**
 * Quitting while a transfer runs, in the real shell: the native question (answered by a stub, as
 * Playwright cannot press native buttons), and a signal that must quit without it.
 */
const executable = electronExecutable();
test.skip(!executable, electronMissingReason);

type Bridge = { backupConsole: { call(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> } };
type Asked = { __asked?: string[] };

async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await page.evaluate(([n, i]) => (globalThis as unknown as Bridge).backupConsole.call(n, i), [name, input] as const);
  expect(result, `${name} answered`).toMatchObject({ ok: true });
  return result.value as T;
}

const partsIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.part'));

test('quitting during a download asks first and "Keep running" keeps it; SIGTERM quits without asking and leaves no partial file', async () => {
  test.skip(process.platform === 'win32', 'Windows has no SIGTERM to send: a kill there ends the process at once.');
  assertBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'bc-electron-quit-'));
  const folder = mkdtempSync(join(tmpdir(), 'bc-electron-quit-files-'));
  // 8 MiB at 64 KiB/s: about two minutes, far longer than the test needs the download to run.
  const appliance = await startApplianceSim({ port: 0, timeScale: 0.1, seededBackupBytes: 8 * 1024 * 1024 });
  appliance.faults.slowLinkBytesPerSecond = 64 * 1024;
  let app: ElectronApplication | undefined;
  let exited = false;
  try {
    let page: Page;
    ({ app, page } = await launchApp(dataDir));
    const { added } = await call<{ added: { id: string }[] }>(page, 'endpoints.import', { text: JSON.stringify(applianceEndpoint(appliance, 'Quit appliance')) });
    const endpointId = added[0]!.id;
    const [backup] = await call<Backup[]>(page, 'backups.list', { endpointId });
    const target = join(folder, 'quit.tgz');
    // The operator picks the file in the native save dialog.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as unknown as typeof dialog.showSaveDialog;
    }, target);
    expect(await call(page, 'files.chooseSaveLocation', { suggestedName: 'quit.tgz' })).toEqual({ kind: 'chosen', path: target });
    const job = await call<Job>(page, 'backups.download', { endpointId, backupId: backup!.id, destination: { path: target } });
    await expect.poll(() => partsIn(folder).length, { timeout: 30_000 }).toBe(1);

    await app.evaluate(({ dialog }) => {
      (globalThis as Asked).__asked = [];
      dialog.showMessageBox = (async (...args: unknown[]) => {
        (globalThis as Asked).__asked!.push((args.at(-1) as { message: string }).message);
        return { response: 0, checkboxChecked: false };
      }) as unknown as typeof dialog.showMessageBox;
    });
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await expect.poll(() => app!.evaluate(() => (globalThis as Asked).__asked ?? [])).toEqual(['An operation is still running. Quit Backup Console anyway?']);
    const afterKeepRunning = (await call<Job[]>(page, 'jobs.list', {})).find((j) => j.id === job.id);
    expect(afterKeepRunning?.state).toBe('running');
    expect(partsIn(folder)).toHaveLength(1);

    // Nobody at the screen any more: a question now would never be answered.
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = (() => new Promise(() => undefined)) as unknown as typeof dialog.showMessageBox;
    });
    const process = app.process();
    const gone = new Promise<void>((resolve) => process.once('exit', () => resolve()));
    process.kill('SIGTERM');
    await expect(Promise.race([gone.then(() => 'exited'), new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000))])).resolves.toBe('exited');
    exited = true;

    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('"message":"stopped"');
    expect(partsIn(folder)).toEqual([]);
    expect(existsSync(target)).toBe(false);
    const saved = (JSON.parse(readFileSync(join(dataDir, 'jobs.json'), 'utf8')) as { jobs: Job[] }).jobs.find((j) => j.id === job.id);
    expect(saved?.outcome).toMatch(/^Stopped because Backup Console quit\./);
  } finally {
    if (app && !exited) await closeApp(app);
    await appliance.close();
    for (const dir of [dataDir, folder]) rmSync(dir, { recursive: true, force: true });
  }
});
