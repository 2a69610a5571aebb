import { AppPage } from './app-page';
import { expect, test } from './fixtures';

test.describe('Vault gate in browser mode', () => {
  // Nothing unlocks the vault at start-up: the UI has to ask for (and create) the passphrase.
  // Not `undefined`: Playwright treats use({ option: undefined }) as "keep the default", which would
  // unlock the vault with VAULT_PASSPHRASE. startBrowserMode skips a falsy preset, so '' means "none".
  test.use({ presetPassphrase: '' });

  test('first run asks for a new passphrase, refuses short and mismatched ones, then opens the app', async ({ page, backupConsole }) => {
    const { core } = backupConsole.app;
    const vaultState = async () => {
      const result = await core.dispatch('vault.status', {});
      if (!result.ok) throw new Error(result.error.message);
      return (result.value as { state: string }).state;
    };
    await page.goto(backupConsole.app.host.url);
    const app = new AppPage(page);
    const root = app.byTest('app-root');
    const passphrase = app.byTest('vault-passphrase');
    const confirmation = app.byTest('vault-passphrase-confirm');
    const unlock = app.byTest('vault-unlock');

    // The gate, not the app: the create-vault card with both fields, focus already in the first one.
    await expect(page.getByRole('heading', { name: 'Create a vault passphrase' })).toBeVisible();
    await expect(passphrase).toBeFocused();
    await expect(confirmation).toBeVisible();
    await expect(unlock).toHaveText('Create vault');
    await expect(root).toHaveAttribute('data-app-state', 'loading');
    await expect(app.byTest('add-endpoint')).toHaveCount(0);
    await app.screenshot('vault-01-create-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('vault-02-create-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Too short (7 characters), even when both fields agree: said on the field, nothing created.
    await passphrase.fill('short12');
    await confirmation.fill('short12');
    await unlock.click();
    await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
    await expect(passphrase).toHaveAccessibleDescription('Use at least 8 characters');
    await expect(confirmation).not.toHaveAttribute('aria-invalid', 'true');

    // Long enough but the two differ: said on the confirmation field.
    await passphrase.fill('e2e typed correct horse');
    await confirmation.fill('e2e typed correct hose');
    await unlock.click();
    await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
    await expect(confirmation).toHaveAccessibleDescription('The two passphrases are not the same');
    await expect(passphrase).not.toHaveAttribute('aria-invalid', 'true');

    // Both errors at once, for the screenshots (pointer off the button, so it is not drawn hovered).
    await passphrase.fill('short');
    await page.mouse.move(0, 0);
    await expect(passphrase).toHaveAccessibleDescription('Use at least 8 characters');
    await expect(confirmation).toHaveAccessibleDescription('The two passphrases are not the same');
    await app.screenshot('vault-03-errors-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('vault-04-errors-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Main never saw a passphrase: the vault is still uninitialised and the app is not ready.
    expect(await vaultState()).toBe('uninitialised');
    await expect(root).toHaveAttribute('data-app-state', 'loading');

    // A valid passphrase (submitted with Enter) opens the app.
    await passphrase.fill('e2e typed correct horse');
    await confirmation.fill('e2e typed correct horse');
    await confirmation.press('Enter');
    await expect(root).toHaveAttribute('data-app-state', 'ready');
    await expect(passphrase).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'No endpoints yet' })).toBeVisible();
    expect(await vaultState()).toBe('unlocked');
  });
});
