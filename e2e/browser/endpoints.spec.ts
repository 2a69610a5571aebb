import { createServer, type AddressInfo } from 'node:net';
import { AppPage } from './app-page';
import { expect, test, type AppFixture } from './fixtures';

/** A 127.0.0.1 URL whose port was free a moment ago and has nothing listening now. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return `http://127.0.0.1:${port}`;
}

/** What main has saved, straight from the core (not from the UI). */
async function savedEndpoints(fixture: AppFixture): Promise<Array<{ id: string; name: string; url: string }>> {
  const result = await fixture.app.core.dispatch('endpoints.list', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Array<{ id: string; name: string; url: string }>;
}

test.describe('Endpoints in browser mode', () => {
  test('form validation, a failed connection test, then add, rename and remove', async ({ appPage, sim, backupConsole }) => {
    const app = new AppPage(appPage);
    await app.byTest('add-endpoint').click();
    const form = app.byTest('endpoint-form');
    const name = form.getByTestId('endpoint-name');
    const url = form.getByTestId('endpoint-url');
    const save = form.getByTestId('endpoint-save');
    await expect(name).toBeFocused();
    // Several kinds: nothing is picked for the user, and saving without a kind says so.
    const kind = form.getByTestId('endpoint-kind');
    await expect(kind).toHaveValue('');
    await save.click();
    await expect(kind).toHaveAccessibleDescription('Choose what kind of system this is');
    await kind.selectOption('pieces');

    // Nothing typed (a blank name counts as nothing): the name says what it needs. A Pieces URL is
    // optional (empty = discover Pieces OS on 127.0.0.1), so the empty URL is not an error.
    await name.fill('   ');
    await save.click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('Give the endpoint a name');
    await expect(url).not.toHaveAttribute('aria-invalid');
    await expect(url).toHaveAccessibleDescription('Leave empty to find it automatically.');

    // A URL that parses but is not http(s), then one that does not parse at all.
    await name.fill('Lab');
    await url.fill('ftp://x');
    await save.click();
    await expect(name).not.toHaveAttribute('aria-invalid');
    await expect(url).toHaveAccessibleDescription('The URL must start with http:// or https://');
    await url.fill('not a url');
    await expect(url).toHaveAccessibleDescription('Enter a full URL such as http://127.0.0.1:39300');

    // Test connection validates too: the field errors, not a connection result.
    await name.fill('');
    await form.getByTestId('endpoint-test').click();
    await expect(name).toHaveAccessibleDescription('Give the endpoint a name');
    await expect(form.getByTestId('endpoint-test-result')).toHaveCount(0);
    await app.page.mouse.move(0, 0);
    await app.screenshot('endpoints-01-form-errors-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('endpoints-02-form-errors-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    expect(await savedEndpoints(backupConsole)).toEqual([]);

    // A valid URL where nothing listens: the test fails, says why and what to check; still nothing saved.
    const dead = await deadUrl();
    await name.fill('Lab');
    await url.fill(dead);
    await form.getByTestId('endpoint-test').click();
    const result = form.getByTestId('endpoint-test-result');
    await expect(result).toHaveAttribute('data-ok', 'false');
    await expect(result).toContainText('Connection failed');
    await expect(result.getByTestId('error-message')).toContainText(`Nothing is listening at ${dead}`);
    await expect(result.getByTestId('error-hint')).toContainText('Check that the service is running');
    await app.screenshot('endpoints-03-test-failed-light');
    expect(await savedEndpoints(backupConsole)).toEqual([]);

    // The simulator's URL: connected, saved, selected, its backups listed.
    await url.fill(sim.url);
    await expect(result).toHaveCount(0); // the old result is not shown as if it were about the new URL
    await form.getByTestId('endpoint-test').click();
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText(`Connected to Pieces OS 11.2.0; ${sim.state.backups.length} backups`);
    await save.click();
    await expect(form).toBeHidden();
    const items = app.byTest('endpoint-item');
    await expect(items).toHaveCount(1);
    await expect(items).toContainText('Lab');
    await expect(app.page.getByRole('heading', { level: 1, name: 'Lab' })).toBeVisible();
    await expect(app.byTest('backup-row')).toHaveCount(sim.state.backups.length);
    const [saved] = await savedEndpoints(backupConsole);
    expect(saved).toMatchObject({ name: 'Lab', url: sim.url });

    // Rename: the form opens filled in, with the kind locked; the new name shows in the sidebar and header.
    await items.first().getByTestId('endpoint-edit').click();
    await expect(app.page.getByRole('dialog', { name: 'Edit Lab' })).toBeVisible();
    await expect(name).toHaveValue('Lab');
    await expect(url).toHaveValue(sim.url);
    await expect(form.getByTestId('endpoint-kind')).toBeDisabled();
    await name.fill('Lab (renamed)');
    await expect(save).toHaveText('Save changes');
    await save.click();
    await expect(form).toBeHidden();
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('Lab (renamed)');
    await expect(app.page.getByRole('heading', { level: 1, name: 'Lab (renamed)' })).toBeVisible();
    expect(await savedEndpoints(backupConsole)).toEqual([expect.objectContaining({ id: saved.id, name: 'Lab (renamed)', url: sim.url })]);

    // Remove: asks first, with focus on the safe choice; then it is gone from the UI and from main.
    await items.first().getByTestId('endpoint-remove').click();
    const dialog = app.byTest('confirm-dialog');
    await expect(dialog).toContainText('Remove Lab (renamed)?');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByTestId('confirm-submit').click();
    await expect(dialog).toBeHidden();
    await expect(items).toHaveCount(0);
    await expect(app.page.getByRole('heading', { name: 'No endpoints yet' })).toBeVisible();
    expect(await savedEndpoints(backupConsole)).toEqual([]);
  });

  test('import adds the valid line and says why it skipped the other; a too-old Pieces OS says to update', async ({ appPage, sim, backupConsole }) => {
    const app = new AppPage(appPage);
    await app.byTest('import-endpoints').click();
    const text = app.byTest('import-text');
    await expect(text).toBeFocused();
    await text.fill(
      [JSON.stringify({ kind: 'pieces', name: 'Imported', url: sim.url }), JSON.stringify({ kind: 'pieces', name: 'Broken', url: 'ftp://nowhere' })].join('\n'),
    );
    await app.byTest('import-submit').click();
    const outcome = app.byTest('import-result');
    await expect(outcome).toContainText('Added 1 endpoint; skipped 1.');
    await expect(outcome.getByRole('listitem')).toHaveText(['Line 2: url: The URL must start with http:// or https://']);
    await app.screenshot('endpoints-04-import-result-light');
    // The dialog stays open so the skipped line can be read; closing it shows the one that was added.
    await app.page.getByRole('dialog', { name: 'Import endpoints' }).getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(outcome).toBeHidden();
    const items = app.byTest('endpoint-item');
    await expect(items).toHaveCount(1);
    await expect(items).toContainText('Imported');
    await expect(app.byTest('backup-row')).toHaveCount(sim.state.backups.length);
    expect((await savedEndpoints(backupConsole)).map((e) => e.name)).toEqual(['Imported']);

    // Pieces OS too old for cloud backups (505): the test says so and says to update.
    sim.faults.tooOld = true;
    await items.first().getByRole('button', { name: 'Test connection to Imported' }).click();
    await expect(items.first()).toContainText('This version of Pieces OS is too old to back up to Pieces cloud.');
    await items.first().getByTestId('endpoint-edit').click();
    const form = app.byTest('endpoint-form');
    await form.getByTestId('endpoint-test').click();
    const result = form.getByTestId('endpoint-test-result');
    await expect(result).toHaveAttribute('data-ok', 'false');
    await expect(result.getByTestId('error-message')).toHaveText('This version of Pieces OS is too old to back up to Pieces cloud.');
    await expect(result.getByTestId('error-hint')).toHaveText('Update Pieces OS to the latest version.');
    await expect(result).toContainText('server 11.2.0'); // health and version still answered: it is the backup call that refused
    await app.screenshot('endpoints-05-too-old-light');
  });
});
