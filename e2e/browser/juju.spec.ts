import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jujuEndpoint } from '../sims/run-all';
import { AppPage } from './app-page';
import { useDownloadFolder } from './download-folder';
import { expect, test } from './fixtures';
import { importEndpoint } from './import-endpoint';

const downloads = useDownloadFolder('bc-e2e-juju-');

test.describe('Juju controllers in browser mode', () => {
  test('3.6: add a controller by pasting show-controller output, back up and download with a verified checksum; restore says why not', async ({ appPage, juju36 }) => {
    const app = new AppPage(appPage);
    await app.byTest('add-endpoint').click();
    const form = app.byTest('endpoint-form');
    await form.getByTestId('endpoint-kind').selectOption('juju');
    await form.getByTestId('import-config-file').click();
    await app.byTest('config-file-paste').fill(juju36.showControllerYaml('prod'));
    await app.byTest('config-file-paste-submit').click();
    await app.byTest('config-import-name').fill('Prod controller');
    await app.screenshot('juju-01-show-controller-pasted');
    await app.byTest('config-import-submit').click();
    // Nothing to warn about: the dialog closes and the new controller is selected.
    await expect(app.byTest('endpoint-item').filter({ hasText: 'Prod controller' })).toBeVisible();
    await expect(app.byTest('endpoint-form')).toBeHidden();

    // Create now, download later: the archive waits on the controller until its one download.
    await app.byTest('backup-now').click();
    const dialog = app.byTest('create-dialog');
    await dialog.getByTestId('create-notes').fill('before the upgrade');
    await expect(dialog.getByTestId('create-download')).toBeChecked();
    await expect(dialog.getByTestId('download-note')).toContainText(/one download|deletes its copy/i);
    await app.screenshot('juju-02-create-dialog');
    await dialog.getByTestId('create-download').uncheck();
    const job = await app.startJob('create', () => dialog.getByTestId('create-submit').click());
    await expect(job.getByTestId('job-stage')).toContainText(/Creating the backup on the controller/);
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 60_000 });

    // Juju 3.x has no API restore: the button stays off and says what to do instead.
    await app.byTest('backup-row').first().click();
    const details = app.byTest('backup-details');
    await expect(details).toContainText(/juju-restore/);
    await expect(details).not.toContainText(/PRIVATE KEY/);
    await app.screenshot('juju-03-restore-not-over-api');

    const path = join(downloads(), 'prod.tar.gz');
    await details.getByTestId('download-button').click();
    const download = app.byTest('download-dialog');
    await expect(download.getByTestId('download-note')).toContainText(/one download|deletes its copy/i);
    await download.getByTestId('download-path').fill(path);
    const transfer = await app.startJob('download', () => download.getByTestId('download-submit').click());
    await expect(transfer).toHaveAttribute('data-job-state', 'succeeded', { timeout: 60_000 });
    const created = juju36.state.created.at(-1)!;
    expect(createHash('sha1').update(readFileSync(path)).digest('base64')).toBe(created.checksum);
    expect(existsSync(`${path}.part`)).toBe(false);
    await app.screenshot('juju-04-downloaded');
  });

  test('2.8: restore through every stage, riding out the API server restart', async ({ appPage, juju28, backupConsole }) => {
    // The line `npm run sims` prints for a controller: address, CA, user and password.
    await importEndpoint(backupConsole, jujuEndpoint(juju28, 'Legacy controller'));
    juju28.faults.restoreDownMs = 2_000;
    const app = new AppPage(appPage);
    await app.showImportedEndpoint('Legacy controller');

    // A backup kept on the controller (Juju 2.x can keep a copy), then restored from there.
    await app.byTest('backup-now').click();
    const create = app.byTest('create-dialog');
    await create.getByTestId('create-notes').fill('kept on the controller');
    await create.getByTestId('create-download').uncheck();
    await create.getByTestId('create-keep-copy').check();
    const created = await app.startJob('create', () => create.getByTestId('create-submit').click());
    await expect(created).toHaveAttribute('data-job-state', 'succeeded', { timeout: 60_000 });
    const { row, backupId } = await app.firstBackup();
    await row.click();
    await app.byTest('restore-button').click();
    const confirm = app.byTest('confirm-dialog');
    await confirm.getByTestId('confirm-input').fill(backupId);

    const job = await app.startJob('restore', () => confirm.getByTestId('confirm-submit').click());
    await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 60_000 });
    // Short stages can flash by: the finished job lists every stage it went through.
    const milestones = job.getByTestId('job-milestone');
    await expect(milestones).toHaveText([/Stage 1 of 4.*PrepareRestore/, /Stage 2 of 4.*Restore/, /Stage 3 of 4.*API server to restart/, /Stage 4 of 4.*FinishRestore/]);
    await expect(job.getByTestId('job-outcome')).toContainText(/FinishRestore confirmed the restore/);
    expect(juju28.state.restores.length).toBe(1);
    await app.screenshot('juju-05-restore-finished');
  });
});
