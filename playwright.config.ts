import { defineConfig } from '@playwright/test';

/**
 * Two projects: `browser` drives the real renderer + real core in browser mode (runs everywhere,
 * in Playwright's Chromium or Debian's /usr/bin/chromium, chosen by scripts/run-e2e.mjs), and
 * `electron` drives the real shell (skips itself with a message where the binary is missing).
 */
const executablePath = process.env.BC_CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'browser', testDir: 'e2e/browser' },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
