import { expect, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { screenshotDir } from './fixtures';

/** Locators and actions of the main screen, shared by the browser-mode specs. */
export class AppPage {
  constructor(readonly page: Page) {}

  byTest(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async addEndpoint(name: string, url: string): Promise<void> {
    const form = await this.fillEndpointForm({ kind: 'pieces', name, url });
    await form.getByTestId('endpoint-test').click();
    await expect(form.getByTestId('endpoint-test-result')).toHaveAttribute('data-ok', 'true');
    await form.getByTestId('endpoint-save').click();
    await expect(form).toBeHidden();
    await this.selectEndpoint(name);
  }

  /** Opens "Add endpoint" and fills it: kind, name, URL, then the kind's settings and secrets by field name. Returns the open form. */
  async fillEndpointForm(endpoint: { kind: string; name: string; url: string; settings?: Record<string, string>; secrets?: Record<string, string> }): Promise<Locator> {
    await this.byTest('add-endpoint').click();
    const form = this.byTest('endpoint-form');
    await form.getByTestId('endpoint-kind').selectOption(endpoint.kind);
    await form.getByTestId('endpoint-name').fill(endpoint.name);
    await form.getByTestId('endpoint-url').fill(endpoint.url);
    for (const [name, value] of Object.entries(endpoint.settings ?? {})) await form.getByTestId(`endpoint-setting-${name}`).fill(value);
    for (const [name, value] of Object.entries(endpoint.secrets ?? {})) await form.getByTestId(`endpoint-secret-${name}`).fill(value);
    return form;
  }

  async selectEndpoint(name: string): Promise<void> {
    await this.byTest('endpoint-item').filter({ hasText: name }).getByRole('button').first().click();
  }

  /** Reloads the page, so it lists an endpoint added behind its back (through the core), and selects it. */
  async showImportedEndpoint(name: string): Promise<void> {
    await this.page.reload();
    await this.selectEndpoint(name);
  }

  /** Waits for the backup list's first row; returns it with its backup id. */
  async firstBackup(): Promise<{ row: Locator; backupId: string }> {
    const row = this.byTest('backup-row').first();
    await expect(row).toBeVisible();
    return { row, backupId: (await row.getAttribute('data-backup-id'))! };
  }

  /** Clicks the backup list's Refresh button. */
  async refreshBackups(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh the backup list' }).click();
  }

  /** Opens the endpoint header's "More" menu and, from it, the factory-reset dialog. */
  async openFactoryReset(): Promise<Locator> {
    await this.byTest('endpoint-more-actions').click();
    await this.byTest('factory-reset-open').click();
    const dialog = this.byTest('factory-reset-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  jobItems(kind: string): Locator {
    return this.page.locator(`[data-testid="job-item"][data-job-kind="${kind}"]`);
  }

  async jobIds(kind: string): Promise<string[]> {
    return this.jobItems(kind).evaluateAll((els) => els.map((e) => e.getAttribute('data-job-id') ?? ''));
  }

  /** Runs `action` and returns the job item it started (the one id that was not there before). */
  async startJob(kind: string, action: () => Promise<void>): Promise<Locator> {
    const before = new Set(await this.jobIds(kind));
    await action();
    let id = '';
    await expect
      .poll(async () => {
        id = (await this.jobIds(kind)).find((j) => !before.has(j)) ?? '';
        return id;
      })
      .not.toBe('');
    return this.page.locator(`[data-testid="job-item"][data-job-id="${id}"]`);
  }

  /** Waits until the job's bar shows at least `percent`. */
  async waitForProgress(job: Locator, percent: number): Promise<void> {
    await expect.poll(async () => Number((await job.getByTestId('job-progress').getAttribute('aria-valuenow')) ?? -1)).toBeGreaterThanOrEqual(percent);
  }

  async cancel(job: Locator): Promise<void> {
    await job.getByTestId('job-cancel').click();
    await job.getByTestId('job-cancel-confirm').click();
  }

  /** Records every value the job bars show, so a test can prove it watched the bar move. */
  async recordProgressValues(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      const record = () => {
        for (const bar of document.querySelectorAll('[data-testid="job-progress"]')) {
          const value = bar.getAttribute('aria-valuenow');
          if (value !== null) seen.push(Number(value));
        }
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
  }

  progressValues(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  }

  async screenshot(name: string): Promise<void> {
    // Transitions finished: a theme switch animates colours for 150 ms.
    await this.page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  /** A screenshot as it is, then one in the dark theme; the page is back in the light theme afterwards. */
  async screenshotLightAndDark(lightName: string, darkName: string): Promise<void> {
    await this.screenshot(lightName);
    await this.page.emulateMedia({ colorScheme: 'dark' });
    await this.screenshot(darkName);
    await this.page.emulateMedia({ colorScheme: 'light' });
  }
}
