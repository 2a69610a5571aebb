import { cloudsYamlFor, type OpenStackSim } from '../sims/openstack';
import { AppPage } from './app-page';
import { expect, test, type AppFixture } from './fixtures';

type Who = 'admin' | 'member';

/** Adds an OpenStack endpoint the way `npm run sims` describes it (clouds.yaml-named settings, demo password). */
async function addOpenStackEndpoint(backupConsole: AppFixture, sim: OpenStackSim, kind: 'cinder' | 'trove', name: string, who: Who): Promise<void> {
  const c = sim.credentials[who];
  const line = JSON.stringify({
    kind,
    name,
    url: sim.authUrl,
    settings: { auth_type: 'password', username: c.username, user_domain_name: 'Default', project_name: c.projectName, project_domain_name: 'Default', region_name: 'RegionOne' },
    secrets: { password: c.password },
  });
  const result = await backupConsole.app.core.dispatch('endpoints.import', { text: line });
  expect(result.ok && (result.value as { added: unknown[] }).added).toHaveLength(1);
}

async function openEndpoint(app: AppPage, name: string): Promise<void> {
  await app.byTest('endpoint-item').filter({ hasText: name }).getByRole('button').first().click();
  await expect(app.byTest('backup-row').first()).toBeVisible();
}

test.describe('OpenStack in browser mode', () => {
  test('Cinder: back up a picked volume with live stages, then restore it to a new volume', async ({ appPage, openstack, backupConsole }) => {
    await addOpenStackEndpoint(backupConsole, openstack, 'cinder', 'Cloud (admin)', 'admin');
    const app = new AppPage(appPage);
    await appPage.reload();
    await openEndpoint(app, 'Cloud (admin)');

    await app.byTest('backup-now').click();
    const dialog = app.byTest('create-dialog');
    const volume = openstack.cinder.volumes().find((v) => v.status === 'available')!;
    await dialog.locator(`[data-testid="create-volume-picker-option"][data-resource-id="${volume.id}"]`).click();
    await dialog.getByTestId('create-name').fill('e2e-nightly');
    await dialog.getByTestId('create-description').fill('made by the browser test');
    await app.screenshot('openstack-01-cinder-create-dialog');

    const created = await app.startJob('create', () => dialog.getByTestId('create-submit').click());
    // Cinder reports no percentage: the job shows the server's status and the elapsed time while it runs.
    await expect(created.getByTestId('job-stage')).toContainText(/creating/i);
    await app.screenshot('openstack-02-cinder-create-running');
    await expect(created).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    await expect(created.getByTestId('job-outcome')).toContainText(/available/i);

    const row = app.byTest('backup-row').filter({ hasText: 'e2e-nightly' });
    await expect(row).toHaveCount(1);
    await row.click();
    const details = app.byTest('backup-details');
    await expect(details).toContainText(volume.id);
    await expect(details).toContainText(/GiB/);
    await app.screenshot('openstack-03-cinder-details');

    await app.byTest('restore-button').click();
    const restore = app.byTest('confirm-dialog');
    await restore.getByTestId('restore-target-new').check();
    await restore.getByTestId('restore-new-name').fill('e2e-restored');
    // A new volume overwrites nothing, so no typed confirmation is asked for.
    await expect(restore.getByTestId('confirm-input')).toHaveCount(0);
    await app.screenshot('openstack-04-cinder-restore-new-volume');
    const restored = await app.startJob('restore', () => restore.getByTestId('confirm-submit').click());
    await expect(restored).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    expect(openstack.cinder.volumes().find((v) => v.name === 'e2e-restored')?.status).toBe('available');

    // Over an existing volume: the operator must type the id of the volume that gets overwritten.
    const backupId = (await row.getAttribute('data-backup-id'))!;
    await row.click();
    await app.byTest('restore-button').click();
    const over = app.byTest('confirm-dialog');
    await over.getByTestId('restore-target-existing').check();
    const target = openstack.cinder.volumes().find((v) => v.name === 'e2e-restored')!;
    await over.locator(`[data-testid="restore-volume-picker-option"][data-resource-id="${target.id}"]`).click();
    await expect(over.getByTestId('restore-overwrite-warning')).toBeVisible();
    await over.getByTestId('confirm-input').fill(backupId);
    await expect(over.getByTestId('confirm-submit')).toBeDisabled();
    await over.getByTestId('confirm-input').fill(target.id);
    await app.screenshot('openstack-04b-cinder-restore-over-existing');
    const overwritten = await app.startJob('restore', () => over.getByTestId('confirm-submit').click());
    await expect(overwritten).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
  });

  test('Cinder: import a backup record by dropping its file', async ({ appPage, openstack, backupConsole }) => {
    await addOpenStackEndpoint(backupConsole, openstack, 'cinder', 'Cloud (admin)', 'admin');
    const { core } = backupConsole.app;
    const endpointId = ((await core.dispatch('endpoints.list', {})) as { value: Array<{ id: string }> }).value[0]!.id;
    // Export is for admins: the first list signs in and tells the app which roles the user has.
    expect((await core.dispatch('backups.list', { endpointId })).ok).toBe(true);
    const backup = openstack.cinder.backups().find((b) => b.status === 'available' && !openstack.cinder.hasDependents(b.id))!;
    const exported = await core.dispatch('backups.exportRecord', { endpointId, backupId: backup.id });
    expect(exported.ok).toBe(true);
    const record = (exported as { value: { fileName: string; text: string } }).value;
    // Cinder refuses a record whose backup is still in its database: here the record outlives its backup.
    expect((await core.dispatch('backups.delete', { endpointId, backupId: backup.id, confirmation: backup.id })).ok).toBe(true);
    await expect.poll(() => openstack.cinder.backups().some((b) => b.id === backup.id), { timeout: 30_000 }).toBe(false);
    const inCinderBefore = openstack.cinder.backups().length;

    const app = new AppPage(appPage);
    await appPage.reload();
    await openEndpoint(app, 'Cloud (admin)');
    const rows = app.byTest('backup-row');
    const before = await rows.count();
    await app.byTest('import-record').click();
    const dropZone = app.byTest('import-record-drop-zone');
    const dataTransfer = await appPage.evaluateHandle(
      ({ text, fileName }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], fileName, { type: 'application/json' }));
        return transfer;
      },
      { text: record.text, fileName: record.fileName },
    );
    await dropZone.dispatchEvent('dragenter', { dataTransfer });
    await dropZone.dispatchEvent('drop', { dataTransfer });
    await expect(app.byTest('import-record-preview')).toBeVisible();
    await app.screenshot('openstack-05-cinder-import-record');
    const imported = await app.startJob('import-record', () => app.byTest('import-record-submit').click());
    await expect(imported).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    await expect(rows).toHaveCount(before + 1);
    expect(openstack.cinder.backups()).toHaveLength(inCinderBefore + 1);
  });

  test('Cinder: a member gets no force-delete, an admin does', async ({ appPage, openstack, backupConsole }) => {
    await addOpenStackEndpoint(backupConsole, openstack, 'cinder', 'Cloud (member)', 'member');
    await addOpenStackEndpoint(backupConsole, openstack, 'cinder', 'Cloud (admin)', 'admin');
    const app = new AppPage(appPage);
    await appPage.reload();

    for (const [name, admin] of [
      ['Cloud (member)', false],
      ['Cloud (admin)', true],
    ] as const) {
      await openEndpoint(app, name);
      await app.byTest('backup-now').click();
      const dialog = app.byTest('create-dialog');
      await dialog.locator('[data-testid="create-volume-picker-option"]:not([data-disabled])').first().click();
      await dialog.getByTestId('create-name').fill(`by-${admin ? 'admin' : 'member'}`);
      const job = await app.startJob('create', () => dialog.getByTestId('create-submit').click());
      if (admin) {
        await expect(job.getByTestId('job-cancel')).toBeVisible();
        await app.cancel(job);
        await expect(job).toHaveAttribute('data-job-state', /cancelled|succeeded/, { timeout: 30_000 });
      } else {
        await expect(job).toHaveAttribute('data-job-state', /running|queued|succeeded/);
        await expect(job.getByTestId('job-cancel')).toHaveCount(0);
        await expect(job).not.toContainText(/force.?delete/i);
        await app.screenshot('openstack-06-cinder-member-job');
        await expect(job).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
        await expect(app.byTest('import-record')).toHaveCount(0);
      }
    }
  });

  test('Trove: restore a backup to a new database instance', async ({ appPage, openstack, backupConsole }) => {
    await addOpenStackEndpoint(backupConsole, openstack, 'trove', 'Databases', 'admin');
    const app = new AppPage(appPage);
    await appPage.reload();
    await openEndpoint(app, 'Databases');

    const completed = app.byTest('backup-row').filter({ hasText: /COMPLETED|available/i }).first();
    await completed.click();
    await app.byTest('restore-button').click();
    const restore = app.byTest('confirm-dialog');
    await restore.getByTestId('restore-instance-name').fill('e2e-restored-db');
    await restore.locator('[data-testid="restore-flavor-picker-option"]').first().click();
    await expect(restore.getByTestId('confirm-input')).toHaveCount(0);
    await app.screenshot('openstack-07-trove-restore-dialog');
    const restored = await app.startJob('restore', () => restore.getByTestId('confirm-submit').click());
    await expect(restored.getByTestId('job-stage')).toContainText(/BUILD/);
    await expect(restored).toHaveAttribute('data-job-state', 'succeeded', { timeout: 60_000 });
    await expect(restored.getByTestId('job-outcome')).toContainText('e2e-restored-db');
    const instance = openstack.trove.instances().find((i) => i.name === 'e2e-restored-db');
    expect(instance?.status).toMatch(/ACTIVE|HEALTHY/);
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('openstack-08-trove-after-restore-dark');
  });

  test('Trove: deleting a backup names the incremental backups that go with it', async ({ appPage, openstack, backupConsole }) => {
    await addOpenStackEndpoint(backupConsole, openstack, 'trove', 'Databases', 'admin');
    const app = new AppPage(appPage);
    await appPage.reload();
    await openEndpoint(app, 'Databases');

    const parent = app.byTest('backup-row').filter({ hasText: /^orders-nightly(?!-incr)/ });
    const parentId = (await parent.getAttribute('data-backup-id'))!;
    const childIds = openstack.trove.backups().filter((b) => b.parent_id === parentId).map((b) => b.id);
    expect(childIds.length).toBeGreaterThan(0);
    await parent.click();
    await app.byTest('delete-button').click();
    const dialog = app.byTest('confirm-dialog');
    const notice = dialog.getByTestId('delete-dependents');
    await expect(notice).toContainText(/deletes (it|them) together with this backup/);
    for (const id of childIds) await expect(notice).toContainText(id);
    await dialog.getByTestId('confirm-input').fill(parentId);
    await app.screenshot('openstack-09-trove-delete-with-children');
    const deleted = await app.startJob('delete', () => dialog.getByTestId('confirm-submit').click());
    await expect(deleted).toHaveAttribute('data-job-state', 'succeeded', { timeout: 30_000 });
    const left = openstack.trove.backups().map((b) => b.id);
    expect(left).not.toContain(parentId);
    for (const id of childIds) expect(left).not.toContain(id);
  });

  test('adds a Cinder endpoint from a clouds.yaml the operator already has', async ({ appPage, openstack }) => {
    const cloudsYaml = cloudsYamlFor(openstack, 'lab');
    const app = new AppPage(appPage);
    await app.byTest('add-endpoint').click();
    const form = app.byTest('endpoint-form');
    await form.getByTestId('endpoint-kind').selectOption('cinder');
    await form.getByTestId('import-config-file').click();
    await app.byTest('config-file-input').setInputFiles({ name: 'clouds.yaml', mimeType: 'application/yaml', buffer: Buffer.from(cloudsYaml) });
    const entries = app.byTest('config-entry');
    await expect(entries).toHaveCount(2);
    await appPage.locator('[data-testid="config-entry"][value="lab"]').check();
    await app.byTest('config-import-name').fill('Lab cloud');
    await app.byTest('config-import-submit').click();
    await expect(app.byTest('config-import-added')).toBeVisible();
    // TLS verification is never switched off: the file's `verify: false` is reported, not obeyed.
    await expect(app.byTest('config-import-warnings')).toContainText(/verify/i);
    await app.screenshot('openstack-10-clouds-yaml-imported');
    await app.byTest('config-import-done').click();
    await openEndpoint(app, 'Lab cloud');
  });
});
