import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { applianceCertName, type ApplianceSim } from '../sims/appliance';
import { applianceEndpoint } from '../sims/run-all';
import { AppPage } from './app-page';
import { useDownloadFolder } from './download-folder';
import { expect, test, type AppFixture } from './fixtures';
import { importEndpoint } from './import-endpoint';

const NAME = 'Edge appliance';

/** Adds the endpoint `npm run sims` would print for the appliance (its certificate already accepted) and opens it. */
async function openTrustedAppliance(appPage: Page, backupConsole: AppFixture, sim: ApplianceSim): Promise<AppPage> {
  await importEndpoint(backupConsole, applianceEndpoint(sim, NAME));
  const app = new AppPage(appPage);
  await app.showImportedEndpoint(NAME);
  return app;
}

/** One HTTPS exchange with the simulator, trusting exactly its certificate (the test's own view of the device). */
function simRequest(sim: ApplianceSim, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { method, headers, ca: sim.certPem, servername: applianceCertName }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The backup file exactly as the appliance serves it. */
async function simBackupBytes(sim: ApplianceSim, backupId: string): Promise<Buffer> {
  const { username, password } = sim.credentials;
  const token = await simRequest(sim, 'POST', '/api/mgmt.aaa/1.0/token', { 'Content-Type': 'application/json' }, JSON.stringify({ user_credentials: { username, password }, generate_refresh_token: false }));
  expect(token.status).toBe(201);
  const { access_token: accessToken } = JSON.parse(token.body.toString('utf8')) as { access_token: string };
  const file = await simRequest(sim, 'GET', `/api/npm.backup/1.0/backups/items/${encodeURIComponent(backupId)}/file`, { Authorization: `Bearer ${accessToken}` });
  expect(file.status).toBe(200);
  return file.body;
}

const downloads = useDownloadFolder('bc-e2e-appliance-');

test.describe('Network appliance in browser mode', () => {
  test('certificate trust: review and trust a self-signed certificate, then refuse a changed one until it is reviewed', async ({ appPage, appliance }) => {
    const app = new AppPage(appPage);
    const form = await app.fillEndpointForm({
      kind: 'appliance',
      name: NAME,
      url: appliance.url,
      settings: { username: appliance.credentials.username },
      secrets: { password: appliance.credentials.password },
    });
    await form.getByTestId('endpoint-test').click();
    const result = form.getByTestId('endpoint-test-result');
    await expect(result).toHaveAttribute('data-ok', 'false');
    await expect(result).toHaveAttribute('data-code', 'tls');

    await result.getByTestId('certificate-review-open').click();
    const review = form.getByTestId('certificate-review');
    await expect(review.getByTestId('certificate-fingerprint')).toHaveAttribute('data-fingerprint', appliance.fingerprint256);
    await expect(review.getByTestId('certificate-self-signed')).toBeVisible();
    await expect(review.getByTestId('certificate-verification')).toContainText(/self-signed/i);
    await expect(review.getByTestId('certificate-compare-note')).toContainText(/console/);
    await expect(form).not.toContainText(/disable verification|ignore certificate|skip verification/i);
    await review.getByTestId('certificate-trust').scrollIntoViewIfNeeded();
    await app.screenshotLightAndDark('appliance-01-certificate-review', 'appliance-01b-certificate-review-dark');

    await review.getByTestId('certificate-trust').click();
    await expect(review).toBeHidden();
    await expect(form.getByTestId('certificate-trusted-fingerprint')).toHaveAttribute('data-fingerprint', appliance.fingerprint256);
    await expect(form.getByTestId('certificate-trusted')).toContainText(/Subject: .*appliance/i);
    await form.getByTestId('endpoint-test').click();
    await expect(result).toHaveAttribute('data-ok', 'true');
    await app.screenshot('appliance-02-certificate-trusted');
    await form.getByTestId('endpoint-save').click();
    await expect(form).toBeHidden();
    await app.selectEndpoint(NAME);
    await expect(app.byTest('backup-row').first()).toBeVisible();

    // The device now presents another certificate: the app refuses to talk to it and says why.
    const accepted = appliance.fingerprint256;
    appliance.regenerateCertificate();
    expect(appliance.fingerprint256).not.toBe(accepted);
    const warning = app.byTest('certificate-changed-warning');
    await expect(async () => {
      await app.refreshBackups();
      await expect(warning).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const comparison = warning.getByTestId('certificate-changed-message');
    await expect(comparison).toHaveAttribute('data-presented', appliance.fingerprint256);
    await expect(comparison).toHaveAttribute('data-accepted', accepted);
    await app.screenshotLightAndDark('appliance-03-certificate-changed', 'appliance-03b-certificate-changed-dark');

    // Reviewing the new one shows it differs from the accepted one; trusting it replaces the pin.
    await warning.getByTestId('certificate-review-open').click();
    const dialog = app.byTest('certificate-review-dialog');
    await expect(dialog.getByTestId('certificate-fingerprint')).toHaveAttribute('data-fingerprint', appliance.fingerprint256);
    await expect(dialog.getByTestId('certificate-pin-mismatch')).toBeVisible();
    await dialog.getByTestId('certificate-trust').click();
    await expect(dialog).toBeHidden();
    await expect(warning).toBeHidden();
    await expect(app.byTest('backup-row').first()).toBeVisible();
  });

  test('download: the bar moves to 100 %, the file holds exactly the appliance bytes, and the job shows their SHA-256', async ({ appPage, appliance, backupConsole }) => {
    const app = await openTrustedAppliance(appPage, backupConsole, appliance);
    const { row, backupId } = await app.firstBackup();
    const size = appliance.state.backups.find((b) => b.id === backupId)!.size;
    // About four seconds for the seeded file: long enough to see the bar move.
    appliance.faults.slowLinkBytesPerSecond = Math.ceil(size / 4);

    await row.click();
    await app.byTest('backup-details').getByTestId('download-button').click();
    const dialog = app.byTest('download-dialog');
    const path = join(downloads(), 'edge.backup.tgz');
    await dialog.getByTestId('download-path').fill(path);
    await app.recordProgressValues();
    const job = await app.startJob('download', () => dialog.getByTestId('download-submit').click());
    await app.waitForProgress(job, 1);
    await app.screenshot('appliance-04-download-running');
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 60_000 });
    await expect(job.getByTestId('job-progress')).toHaveAttribute('aria-valuenow', '100');
    const seen = await app.progressValues();
    expect(seen.some((value) => value > 0 && value < 100)).toBe(true);

    delete appliance.faults.slowLinkBytesPerSecond;
    const saved = readFileSync(path);
    expect(saved.equals(await simBackupBytes(appliance, backupId))).toBe(true);
    expect(existsSync(`${path}.part`)).toBe(false);
    const sha256 = createHash('sha256').update(saved).digest('hex');
    await expect(job.getByTestId('job-saved-path')).toHaveText(path);
    await expect(job.getByTestId('job-sha256')).toHaveAttribute('data-sha256', sha256);
    await expect(job.getByTestId('job-sha256')).toHaveAttribute('title', sha256);
    await expect(job.getByTestId('job-sha256')).toContainText(sha256.slice(0, 12));
    await app.screenshot('appliance-05-download-sha256');
  });

  test('restore through the reboot: typed id, the reboot as a milestone, and a succeeded job', async ({ appPage, appliance, backupConsole }) => {
    const app = await openTrustedAppliance(appPage, backupConsole, appliance);
    const { row, backupId } = await app.firstBackup();
    await row.click();
    await app.byTest('restore-button').click();
    const confirm = app.byTest('confirm-dialog');
    await expect(confirm.getByTestId('restore-warning')).toContainText(/REBOOTS/);
    await expect(confirm.getByTestId('restore-cancel-note')).toHaveAttribute('data-cancellable', 'false');
    await confirm.getByTestId('confirm-input').fill(`${backupId}x`);
    await expect(confirm.getByTestId('confirm-submit')).toBeDisabled();
    await confirm.getByTestId('confirm-input').fill(backupId);
    await app.screenshot('appliance-06-restore-dialog');
    // Down for longer than one of the provider's restore_status polls (15 s), so a poll finds it rebooting.
    appliance.faults.rebootRefuseMs = 20_000;

    const job = await app.startJob('restore', () => confirm.getByTestId('confirm-submit').click());
    // Seen while it happens: the reboot is the job's current step, not only a line in the finished record.
    await expect(job.locator('[data-testid="job-milestone"][data-step="current"]').filter({ hasText: 'Appliance rebooting' })).toBeVisible({ timeout: 30_000 });
    await app.screenshot('appliance-07-restore-rebooting');
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 90_000 });
    const milestones = job.getByTestId('job-milestone');
    await expect(milestones.first()).toHaveText(/Restore started/);
    await expect(milestones.filter({ hasText: 'Appliance rebooting' })).toHaveCount(1);
    await expect(milestones.last()).toHaveText(/Appliance back/);
    await expect(milestones.last()).toHaveAttribute('data-step', 'done');
    expect(appliance.state.restores).toBe(1);
    await app.screenshot('appliance-08-restore-milestones');
  });

  test('factory reset: consequences, safety backup, the exact name unlocks it, and the device is reset once', async ({ appPage, appliance, backupConsole }) => {
    const app = await openTrustedAppliance(appPage, backupConsole, appliance);
    await expect(app.byTest('backup-row').first()).toBeVisible();

    const dialog = await app.openFactoryReset();
    await expect(dialog.getByRole('heading', { name: `Factory reset ${NAME}` })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(dialog.getByTestId('factory-reset-consequence')).toHaveCount(5);
    await expect(dialog.getByTestId('factory-reset-backup-count')).toContainText(`${NAME} holds ${appliance.state.backups.length} backup`);
    await expect(dialog.getByTestId('factory-reset-last-download')).toHaveAttribute('data-recent', 'none');
    await expect(dialog.getByTestId('factory-reset-safety-backup')).toBeEnabled();

    const submit = dialog.getByTestId('factory-reset-submit');
    const input = dialog.getByTestId('confirm-input');
    await expect(submit).toBeDisabled();
    for (const wrong of [NAME.toLowerCase(), NAME.slice(0, -1), `${NAME} `, 'Edge']) {
      await input.fill(wrong);
      await expect(submit).toBeDisabled();
    }
    await input.press('Enter');
    await expect(dialog).toBeVisible();
    await app.screenshotLightAndDark('appliance-09-factory-reset-dialog', 'appliance-09b-factory-reset-dialog-dark');
    expect(appliance.state.factoryResets).toBe(0);

    await input.fill(NAME);
    await expect(submit).toBeEnabled();
    const job = await app.startJob('factory-reset', () => submit.click());
    await expect(dialog).toBeHidden();
    // The appliance comes back with a new certificate, which the accepted one does not match: the
    // job cannot see the end and says what to check, with the new fingerprint.
    await expect(job).toHaveAttribute('data-job-state', 'interrupted', { timeout: 90_000 });
    await expect(job.getByTestId('job-milestone').first()).toHaveText(/Factory reset started/);
    await expect(job).toContainText(/factory reset has started/i);
    await expect.poll(() => appliance.state.factoryResets, { timeout: 30_000 }).toBe(1);
    await app.screenshot('appliance-10-factory-reset-done');
  });

  test('factory reset: "Create and download a backup first" swaps the dialog for a create with saving ticked', async ({ appPage, appliance, backupConsole }) => {
    const app = await openTrustedAppliance(appPage, backupConsole, appliance);
    const dialog = await app.openFactoryReset();
    await dialog.getByTestId('factory-reset-safety-backup').click();
    await expect(dialog).toBeHidden();
    const create = app.byTest('create-dialog');
    await expect(create).toBeVisible();
    await expect(create.getByTestId('create-download')).toBeChecked();
    expect(appliance.state.factoryResets).toBe(0);
  });
});
