import { AppPage } from './app-page';
import { expect, test } from './fixtures';

test.describe('Pieces OS in browser mode', () => {
  test('add, list, back up, cancel, restore, cancel a restore, and the signed-out message', async ({ appPage, sim, backupConsole }) => {
    const app = new AppPage(appPage);
    await expect(app.page.getByRole('heading', { name: 'No endpoints yet' })).toBeVisible();
    await app.screenshot('01-first-run-light');

    await app.addEndpoint('Pieces lab', sim.url);
    const rows = app.byTest('backup-row');
    await expect(rows).toHaveCount(sim.state.backups.length);
    const seeded = sim.state.backups.length;

    // Back up and watch the bar climb to 100 %.
    await app.recordProgressValues();
    const created = await app.startJob('create', () => app.byTest('backup-now').click());
    await expect(created).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    await expect(created.getByTestId('job-progress')).toHaveAttribute('aria-valuenow', '100');
    const seen = await app.progressValues();
    expect(seen.some((v) => v > 0 && v < 100), `bar values seen: ${seen.join(',')}`).toBe(true);
    await expect(rows).toHaveCount(seeded + 1);

    // Cancel a second backup midway: the job ends cancelled, says what it left behind, and no backup appears.
    const cancelled = await app.startJob('create', () => app.byTest('backup-now').click());
    await app.waitForProgress(cancelled, 10);
    await app.cancel(cancelled);
    await expect(cancelled).toHaveAttribute('data-job-state', 'cancelled');
    await expect(cancelled.getByTestId('job-state')).toHaveText(/cancelled/i);
    await expect(cancelled.getByTestId('job-outcome')).toContainText(/cancel/i);
    await expect(rows).toHaveCount(seeded + 1);
    expect(sim.state.creations.every((c) => c.status !== 'IN-PROGRESS')).toBe(true);

    // Restore with the typed confirmation; main checks the text too.
    const target = rows.first();
    const backupId = (await target.getAttribute('data-backup-id'))!;
    await target.click();
    await expect(app.byTest('backup-details')).toHaveAttribute('data-backup-id', backupId);
    await app.byTest('restore-button').click();
    const dialog = app.byTest('confirm-dialog');
    await expect(dialog).toContainText('Pieces lab');
    await expect(dialog.getByTestId('confirm-submit')).toBeDisabled();
    await dialog.getByTestId('confirm-input').fill(backupId.slice(0, -1));
    await expect(dialog.getByTestId('confirm-submit')).toBeDisabled();
    await dialog.getByTestId('confirm-input').fill(backupId);
    await app.screenshot('03-restore-confirmation-light');
    const restored = await app.startJob('restore', () => dialog.getByTestId('confirm-submit').click());
    await expect(restored).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    expect(sim.state.localDatabase.source).toBe(`backup:${backupId}`);

    // Cancel a restore: Pieces OS puts the original database back, and the job says so.
    await target.click();
    await app.byTest('restore-button').click();
    await app.byTest('confirm-dialog').getByTestId('confirm-input').fill(backupId);
    const restoreToCancel = await app.startJob('restore', () => app.byTest('confirm-dialog').getByTestId('confirm-submit').click());
    await app.waitForProgress(restoreToCancel, 5);
    await app.screenshot('04-restore-running-light');
    await app.cancel(restoreToCancel);
    await expect(restoreToCancel).toHaveAttribute('data-job-state', 'cancelled');
    await expect(restoreToCancel.getByTestId('job-outcome')).toContainText(/original database/i);
    expect(sim.state.localDatabase.source).toBe(`backup:${backupId}`);
    await app.screenshot('05-after-jobs-light');

    // Signed out of Pieces cloud: a clear message with what to do, on the list and on a new backup.
    sim.faults.signedOut = true;
    await app.page.getByRole('button', { name: /refresh the backup list/i }).click();
    const listError = app.byTest('backups-refresh-error');
    await expect(listError).toContainText(/not signed in/i);
    await expect(listError.getByTestId('error-hint')).toContainText(/sign in/i);
    const refused = await app.startJob('create', () => app.byTest('backup-now').click());
    await expect(refused).toHaveAttribute('data-job-state', 'failed');
    await expect(refused.getByTestId('error-message')).toContainText(/not signed in/i);
    await app.screenshot('06-signed-out-error-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('07-signed-out-error-dark');

    expect(backupConsole.logLines.some((l) => l.includes('restore confirmed'))).toBe(true);
  });

  test('main screen in light and dark mode', async ({ appPage, sim }) => {
    const app = new AppPage(appPage);
    await app.addEndpoint('Pieces lab', sim.url);
    await expect(app.byTest('backup-row')).toHaveCount(sim.state.backups.length);
    await app.byTest('backup-row').nth(1).click();
    await expect(app.byTest('backup-details')).toBeVisible();
    const running = await app.startJob('create', () => app.byTest('backup-now').click());
    await app.waitForProgress(running, 20);
    await app.screenshot('02-main-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await expect(app.page.locator('html')).toBeVisible();
    await app.screenshot('02-main-dark');
    await expect(running).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
  });

  test('main refuses a restore whose confirmation does not match, even from a forged call', async ({ backupConsole, sim }) => {
    const { core } = backupConsole.app;
    const added = await core.dispatch('endpoints.add', { config: { kind: 'pieces', name: 'Direct', url: sim.url } });
    expect(added.ok).toBe(true);
    const endpointId = (added as { value: { id: string } }).value.id;
    const backupId = sim.state.backups[0].id;
    const refused = await core.dispatch('backups.restore', { endpointId, backupId, confirmation: 'yes' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('confirmation-mismatch');
    expect(sim.state.restorations).toHaveLength(0);
  });
});
