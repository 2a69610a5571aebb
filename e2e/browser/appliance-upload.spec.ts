import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import type { ApplianceSim } from '../sims/appliance';
import { applianceEndpoint } from '../sims/run-all';
import { AppPage } from './app-page';
import { expect, test, type AppFixture } from './fixtures';
import { importEndpoint } from './import-endpoint';

interface DraggedFile {
  name: string;
  base64: string;
}

/** Real gzip bytes, made here in Node and handed to the page (a File cannot cross into it otherwise). */
function gzipFile(name: string, payloadBytes: number): DraggedFile {
  return { name, base64: gzipSync(randomBytes(payloadBytes), { level: 1 }).toString('base64') };
}

async function addAppliance(backupConsole: AppFixture, appliance: ApplianceSim, page: Page): Promise<AppPage> {
  await importEndpoint(backupConsole, applianceEndpoint(appliance, 'Appliance'));
  const app = new AppPage(page);
  await app.showImportedEndpoint('Appliance');
  await expect(app.byTest('backup-row')).toHaveCount(appliance.state.backups.length);
  return app;
}

/**
 * Drags files over the page the way a desktop drag does: dragenter and dragover on `target` (the
 * window itself unless a selector is given), which bubble to the window-level handler. Drop is separate,
 * so the overlay can be looked at in between.
 */
async function dragFilesOver(page: Page, files: DraggedFile[], target?: string): Promise<void> {
  await page.evaluate(
    ({ files, target }) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of files) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      const element: EventTarget = target ? document.querySelector(target)! : window;
      (window as unknown as { e2eDrag: { transfer: DataTransfer; element: EventTarget } }).e2eDrag = { transfer, element };
      for (const type of ['dragenter', 'dragover']) element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { files, target },
  );
}

async function dropDragged(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { transfer, element } = (window as unknown as { e2eDrag: { transfer: DataTransfer; element: EventTarget } }).e2eDrag;
    element.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
}

function darkAndLight(app: AppPage, name: string): Promise<void> {
  return app.screenshotLightAndDark(`${name}-light`, `${name}-dark`);
}

const uploadRequests = (appliance: ApplianceSim) => appliance.state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/backups/upload'));

async function expectUnavailable(button: Locator, reason: RegExp): Promise<void> {
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button.page().getByTestId('upload-blocked-reason')).toHaveText(reason);
}

test.describe('Uploading backup files to a network appliance in browser mode', () => {
  test('a file dropped anywhere on the window is checked, uploaded with progress and listed', async ({ appPage, appliance, backupConsole }) => {
    const app = await addAppliance(backupConsole, appliance, appPage);
    const before = appliance.state.backups.map((b) => b.id);
    // Slow enough to watch the bar move (about two seconds), and big enough that loopback socket buffers cannot swallow it whole.
    appliance.faults.slowLinkBytesPerSecond = 3_000_000;
    const file = gzipFile('box.backup.tgz', 6_000_000);

    await dragFilesOver(appPage, [file]);
    const overlay = app.byTest('upload-drop-overlay');
    await expect(overlay).toHaveAttribute('data-drop-ok', 'true');
    await expect(overlay).toContainText('Drop to upload to Appliance');
    await darkAndLight(app, 'appliance-upload-01-drop-overlay');
    await dropDragged(appPage);
    await expect(overlay).toBeHidden();

    const dialog = app.byTest('upload-dialog');
    await expect(dialog.getByTestId('upload-file-name')).toHaveText('box.backup.tgz');
    await expect(dialog.getByTestId('upload-warnings')).toContainText(/did not download this file/);
    await expect(dialog.getByTestId('backup-limit-notice')).toHaveAttribute('data-full', 'false');
    await expect(dialog).toContainText(/About uploads to Network appliance/);
    const submit = dialog.getByTestId('upload-submit');
    await expectUnavailable(submit, /I understand, upload anyway/);
    await dialog.getByTestId('upload-accept-warnings').check();
    await expect(submit).not.toHaveAttribute('aria-disabled');
    await darkAndLight(app, 'appliance-upload-02-dialog');

    await app.recordProgressValues();
    const job = await app.startJob('upload', () => submit.click());
    await expect(dialog).toBeHidden();
    await app.waitForProgress(job, 1);
    await app.screenshot('appliance-upload-03-uploading');
    await app.waitForProgress(job, 100);
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    expect((await app.progressValues()).some((value) => value > 0 && value < 100)).toBe(true);
    await app.screenshot('appliance-upload-03b-uploaded');

    await expect.poll(() => appliance.state.backups.length).toBe(before.length + 1);
    const added = appliance.state.backups.find((b) => !before.includes(b.id))!;
    expect(added.status).toBe('completed');
    await expect(app.byTest('backup-row').filter({ hasText: added.id })).toBeVisible();
    await expect(app.byTest('upload-failed')).toHaveCount(0);
  });

  test('cancelling an upload stops it: the job says what the appliance kept, and the browser stops sending the file', async ({ appPage, appliance, backupConsole }) => {
    const app = await addAppliance(backupConsole, appliance, appPage);
    const before = appliance.state.backups.map((b) => b.id);
    appliance.faults.slowLinkBytesPerSecond = 300_000;
    const failedUploads: string[] = [];
    appPage.on('requestfailed', (request) => {
      if (request.url().includes('/api/upload')) failedUploads.push(request.failure()?.errorText ?? '');
    });
    await dragFilesOver(appPage, [gzipFile('cancelled.backup.tgz', 6_000_000)]);
    await dropDragged(appPage);
    const dialog = app.byTest('upload-dialog');
    await dialog.getByTestId('upload-accept-warnings').check();
    const job = await app.startJob('upload', () => dialog.getByTestId('upload-submit').click());
    await app.waitForProgress(job, 1);

    await app.cancel(job);
    await expect(job).toHaveAttribute('data-job-state', 'cancelled', { timeout: 30_000 });
    await expect(job).toContainText(/kept nothing/);
    // The window ended its request instead of sending the rest of the file to the host.
    await expect.poll(() => failedUploads).toEqual(['net::ERR_ABORTED']);
    expect(appliance.state.backups.map((b) => b.id)).toEqual(before);
    await expect(app.byTest('upload-failed')).toHaveCount(0);
  });

  test('at the two-backup limit, Upload waits for the typed delete-oldest confirmation', async ({ appPage, appliance, backupConsole }) => {
    const app = await addAppliance(backupConsole, appliance, appPage);
    // The first upload, through the toolbar's file picker, fills the appliance (one seeded + this one).
    const chooser = appPage.waitForEvent('filechooser');
    await app.byTest('upload-file').click();
    await (await chooser).setFiles({ name: 'first.tgz', mimeType: 'application/gzip', buffer: gzipSync(randomBytes(50_000)) });
    const first = app.byTest('upload-dialog');
    await first.getByTestId('upload-accept-warnings').check();
    const firstJob = await app.startJob('upload', () => first.getByTestId('upload-submit').click());
    await expect(firstJob).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    await expect.poll(() => appliance.state.backups.length).toBe(2);
    await expect(app.byTest('backup-limit-banner')).toContainText('2 of 2');

    const oldest = [...appliance.state.backups].sort((a, b) => a.backup_time - b.backup_time)[0];
    const kept = appliance.state.backups.find((b) => b.id !== oldest.id)!;
    // This time onto the endpoint in the sidebar.
    await dragFilesOver(appPage, [gzipFile('second.tgz', 50_000)], '[data-testid="endpoint-item"]');
    await expect(app.byTest('endpoint-item').filter({ hasText: 'Appliance' })).toHaveAttribute('data-file-over', 'true');
    await dropDragged(appPage);
    const dialog = app.byTest('upload-dialog');
    const notice = dialog.getByTestId('backup-limit-notice');
    await expect(notice).toHaveAttribute('data-full', 'true');
    await expect(notice).toContainText('keeps at most 2 backups; uploading a third is refused');
    await expect(dialog.getByTestId('backup-limit-oldest')).toContainText(oldest.id);
    await dialog.getByTestId('upload-accept-warnings').check();
    const submit = dialog.getByTestId('upload-submit');
    await expectUnavailable(submit, new RegExp(`Delete ${oldest.id} first`));

    await dialog.getByTestId('backup-limit-delete-oldest').check();
    await expectUnavailable(submit, new RegExp(`Type ${oldest.id}`));
    await dialog.getByTestId('confirm-input').fill(`${oldest.id}x`);
    await expect(submit).toHaveAttribute('aria-disabled', 'true');
    await dialog.getByTestId('confirm-input').fill(oldest.id);
    await expect(submit).not.toHaveAttribute('aria-disabled');
    await expect(submit).toHaveText('Delete oldest and upload');
    await darkAndLight(app, 'appliance-upload-04-limit');

    const job = await app.startJob('upload', () => submit.click());
    await app.waitForProgress(job, 100);
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    await expect(job.getByText(new RegExp(`Deleting backup ${oldest.id} first`))).toBeVisible();
    const ids = appliance.state.backups.map((b) => b.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(oldest.id);
    await expect(app.byTest('backup-row').filter({ hasText: oldest.id })).toHaveCount(0);
    await expect(app.byTest('backup-row')).toHaveCount(2);
  });

  test('a file that is not gzip is refused before anything is sent; several files are explained', async ({ appPage, appliance, backupConsole }) => {
    const app = await addAppliance(backupConsole, appliance, appPage);
    const text: DraggedFile = { name: 'notes.txt', base64: Buffer.from('not a backup\n').toString('base64') };

    await dragFilesOver(appPage, [text, gzipFile('b.tgz', 10)]);
    await expect(app.byTest('upload-drop-overlay')).toHaveAttribute('data-drop-ok', 'false');
    await expect(app.byTest('upload-drop-message')).toContainText('One file at a time');
    await dropDragged(appPage);
    await expect(app.byTest('upload-drop-refused')).toContainText('One file at a time');
    await expect(app.byTest('upload-dialog')).toBeHidden();

    await dragFilesOver(appPage, [text]);
    await dropDragged(appPage);
    const dialog = app.byTest('upload-dialog');
    await expect(dialog.getByTestId('upload-problems')).toContainText('does not start like a gzip archive (its first bytes are 6e 6f, not 1f 8b)');
    await expectUnavailable(dialog.getByTestId('upload-submit'), /cannot be uploaded/);
    await expect(dialog.getByTestId('upload-accept-warnings')).toHaveCount(0);
    await darkAndLight(app, 'appliance-upload-05-not-gzip');
    await dialog.getByTestId('upload-submit').click({ force: true });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // An open dialog owns drops: the window-level upload stays out of it.
    await app.byTest('backup-now').click();
    await dragFilesOver(appPage, [gzipFile('c.tgz', 10)]);
    await expect(app.byTest('upload-drop-overlay')).toBeHidden();
    await dropDragged(appPage);
    await expect(app.byTest('create-dialog')).toBeVisible();
    await expect(app.byTest('upload-dialog')).toBeHidden();
    await app.byTest('create-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(uploadRequests(appliance)).toEqual([]);
    await expect(app.jobItems('upload')).toHaveCount(0);
  });

  test('Back up now takes a description and, at the limit, the same delete-oldest confirmation', async ({ appPage, appliance, backupConsole }) => {
    const app = await addAppliance(backupConsole, appliance, appPage);
    const createOne = async (description: string, deleteOldest?: string) => {
      await app.byTest('backup-now').click();
      const dialog = app.byTest('create-dialog');
      await dialog.getByTestId('create-description').fill(description);
      await expect(dialog.getByTestId('create-description-count')).toHaveText(`${description.length} / 250`);
      await dialog.getByTestId('create-download').uncheck();
      if (deleteOldest) {
        await expect(dialog.getByTestId('backup-limit-notice')).toContainText('creating a third is refused');
        await expect(dialog.getByTestId('create-submit')).toHaveAttribute('aria-disabled', 'true');
        await expect(dialog.getByTestId('create-blocked-reason')).toContainText(`Delete ${deleteOldest} first`);
        await dialog.getByTestId('backup-limit-delete-oldest').check();
        await dialog.getByTestId('confirm-input').fill(deleteOldest);
        await expect(dialog.getByTestId('create-submit')).toHaveText('Delete oldest and start backup');
        await darkAndLight(app, 'appliance-upload-06-create-at-limit');
      } else {
        await expect(dialog.getByTestId('backup-limit-notice')).toHaveAttribute('data-full', 'false');
      }
      const job = await app.startJob('create', () => dialog.getByTestId('create-submit').click());
      await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    };

    // Too long first: the counter turns red and the form says how long it is.
    await app.byTest('backup-now').click();
    await app.byTest('create-description').fill('x'.repeat(251));
    await app.byTest('create-submit').click();
    await expect(app.byTest('create-dialog')).toContainText('Keep it to 250 characters or fewer (now 251)');
    await app.byTest('create-dialog').getByRole('button', { name: 'Cancel' }).click();

    await createOne('before firmware 11.14');
    await expect.poll(() => appliance.state.backups.length).toBe(2);
    const oldest = [...appliance.state.backups].sort((a, b) => a.backup_time - b.backup_time)[0];
    await createOne('after firmware 11.14', oldest.id);
    await expect.poll(() => appliance.state.backups.map((b) => b.description).sort()).toEqual(['after firmware 11.14', 'before firmware 11.14']);
    await expect(app.byTest('backup-row').filter({ hasText: 'after firmware 11.14' })).toBeVisible();
  });
});
