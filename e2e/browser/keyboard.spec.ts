import type { Locator, Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, test } from './fixtures';

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`Tab never reached ${target} in ${max} presses`);
}

test.describe('Keyboard in browser mode', () => {
  test('restore with the keyboard only: pick a row with arrows, Escape cancels, Enter confirms', async ({ appPage, sim, backupConsole }) => {
    const app = new AppPage(appPage);
    const added = await backupConsole.app.core.dispatch('endpoints.add', { config: { kind: 'pieces', name: 'Keyboard lab', url: sim.url } });
    expect(added.ok).toBe(true);
    const rows = app.byTest('backup-row');
    await expect(rows).toHaveCount(sim.state.backups.length);

    // Reach the grid with Tab from the top of the page (no click), then select the second row with arrows.
    const grid = app.byTest('backups-table');
    await tabTo(app.page, grid);
    await app.page.keyboard.press('ArrowDown');
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowUp');
    const target = rows.nth(1);
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'false');
    const backupId = (await target.getAttribute('data-backup-id'))!;
    await expect(grid).toHaveAttribute('aria-activedescendant', (await target.getAttribute('id'))!);
    await expect(app.byTest('backup-details')).toHaveAttribute('data-backup-id', backupId);

    // Enter moves focus to the details; Tab reaches Restore; Enter opens the typed confirmation.
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByRole('heading', { name: 'Backup details' })).toBeFocused();
    const restoreButton = app.byTest('restore-button');
    await tabTo(app.page, restoreButton, 10);
    await app.page.keyboard.press('Enter');
    const dialog = app.byTest('confirm-dialog');
    const input = dialog.getByTestId('confirm-input');
    const submit = dialog.getByTestId('confirm-submit');
    await expect(dialog).toContainText(`Restore ${backupId}?`);
    await expect(input).toBeFocused();
    await expect(submit).toBeDisabled();

    // Typing the id unlocks the button; Escape still closes without restoring, and focus goes back to Restore.
    await app.page.keyboard.type(backupId);
    await expect(submit).toBeEnabled();
    await app.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(restoreButton).toBeFocused();
    expect(sim.state.restorations).toEqual([]);
    await expect(app.jobItems('restore')).toHaveCount(0);

    // Re-open with the keyboard: the input starts empty again; Enter on a near miss does nothing.
    await app.page.keyboard.press('Enter');
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('');
    await app.page.keyboard.type(backupId.slice(0, -1));
    await app.page.keyboard.press('Enter');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toBeVisible();
    await expect(submit).toBeDisabled();

    // The exact id and Enter: one restore starts (so the Escape above started none), of this backup, and succeeds.
    await app.page.keyboard.type(backupId.slice(-1));
    await expect(submit).toBeEnabled();
    const job = await app.startJob('restore', () => app.page.keyboard.press('Enter'));
    await expect(dialog).toBeHidden();
    await expect(app.jobItems('restore')).toHaveCount(1);
    await expect.poll(() => sim.state.restorations.map((r) => r.id)).toEqual([backupId]);
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    expect(sim.state.localDatabase.source).toBe(`backup:${backupId}`);
    const jobs = await backupConsole.app.core.dispatch('jobs.list', {});
    expect(jobs.ok && (jobs.value as Array<{ kind: string }>).filter((j) => j.kind === 'restore')).toHaveLength(1);
  });
});
