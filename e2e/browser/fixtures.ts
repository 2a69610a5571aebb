/* eslint-disable no-empty-pattern -- Playwright fixtures declare their dependencies by destructuring, even when there are none. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from '../../electron/hosts/web/browser-mode';
import { startApplianceSim, type ApplianceSim } from '../sims/appliance';
import { startJujuSim, type JujuSim } from '../sims/juju';
import { startOpenStackSim, type OpenStackSim } from '../sims/openstack';
import { startPiecesSim, type PiecesSim } from '../sims/pieces';

const root = resolve(import.meta.dirname, '../..');
export const screenshotDir = join(root, 'e2e', 'screenshots');
export const VAULT_PASSPHRASE = 'e2e correct horse battery';

export interface AppFixture {
  app: BrowserMode;
  /** Every log line the core wrote during the test. */
  logLines: string[];
  dataDir: string;
}

interface Options {
  /** Unlock the vault at start-up; '' leaves it for the UI to ask (Playwright reads undefined as "use the default"). */
  presetPassphrase: string | undefined;
}

interface Fixtures {
  sim: PiecesSim;
  /** Keystone, Cinder and Trove on one loopback server (devstack-like paths). */
  openstack: OpenStackSim;
  /** A Juju 2.8 controller (full Backups facade, API restore) and a 3.6 one (create only). */
  juju28: JujuSim;
  juju36: JujuSim;
  /** A network appliance (npm.backup 1.0) with a self-signed certificate, two-backup limit and a short reboot. */
  appliance: ApplianceSim;
  backupConsole: AppFixture;
  /** The page with the app loaded and ready. */
  appPage: Page;
}

export const test = base.extend<Options & Fixtures>({
  presetPassphrase: [VAULT_PASSPHRASE, { option: true }],
  sim: async ({}, use) => {
    // 0.75: a backup takes about three seconds, long enough to watch and to cancel midway.
    const sim = await startPiecesSim({ port: 0, timeScale: 0.75 });
    await use(sim);
    await sim.close();
  },
  openstack: async ({}, use) => {
    // 0.4: a Cinder backup takes about two seconds, a Trove restore a few: long enough to see the stages.
    const sim = await startOpenStackSim({ port: 0, timeScale: 0.4 });
    await use(sim);
    await sim.close();
  },
  appliance: async ({}, use) => {
    // 0.1: a create takes about half a second; the reboot refuses connections for 3 s, long enough to see the stage.
    const sim = await startApplianceSim({ port: 0, timeScale: 0.1 });
    sim.faults.rebootRefuseMs = 3_000;
    await use(sim);
    await sim.close();
  },
  juju28: async ({}, use) => {
    const sim = await startJujuSim({ port: 0, version: '2.8.10', timeScale: 0.1, archiveBytes: 2_000_000 });
    await use(sim);
    await sim.close();
  },
  juju36: async ({}, use) => {
    const sim = await startJujuSim({ port: 0, version: '3.6.14', timeScale: 0.1, archiveBytes: 2_000_000 });
    await use(sim);
    await sim.close();
  },
  backupConsole: async ({ presetPassphrase }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bc-e2e-'));
    const logLines: string[] = [];
    const app = await startBrowserMode({
      dataDir,
      port: 0,
      staticDir: join(root, 'out', 'renderer'),
      version: 'e2e',
      presetPassphrase,
      logSink: (line) => logLines.push(line),
    });
    await use({ app, logLines, dataDir });
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  appPage: async ({ page, backupConsole }, use) => {
    await page.goto(backupConsole.app.host.url);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await use(page);
  },
});

export { expect };
