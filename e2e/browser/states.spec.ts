import { createServer, type AddressInfo } from 'node:net';
import { startPiecesSim, type PiecesSim } from '../sims/pieces';
import { AppPage } from './app-page';
import { expect, test } from './fixtures';

/** A free 127.0.0.1 port: nothing listens on it once this returns. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

test.describe('Empty and error states in browser mode', () => {
  let late: PiecesSim | undefined;
  test.afterEach(async () => {
    await late?.close();
    late = undefined;
  });

  test('server down: backups error with message, hint and a Retry that works once it is up (empty list)', async ({ appPage, backupConsole }) => {
    const app = new AppPage(appPage);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const added = await backupConsole.app.core.dispatch('endpoints.add', { config: { kind: 'pieces', name: 'Offline lab', url } });
    expect(added.ok).toBe(true);

    // Nothing listens there: the list area says what failed, what to check, and offers Retry.
    const error = app.byTest('backups-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('Could not list backups on Offline lab');
    await expect(error.getByTestId('error-message')).toContainText(`Nothing is listening at ${url}`);
    await expect(error.getByTestId('error-hint')).toHaveText('Check that the service is running and that the host and port are right.');
    const retry = error.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeEnabled();
    await expect(app.byTest('backup-row')).toHaveCount(0);
    await expect(app.byTest('backups-empty')).toHaveCount(0);
    await app.screenshot('states-01-server-down-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('states-02-server-down-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });

    // Pieces OS comes up on that port with no backups; Retry (and only Retry) gets the list: empty.
    late = await startPiecesSim({ port, timeScale: 0.1 });
    for (const backup of late.state.backups) {
      const res = await fetch(`${late.url}/backups/${encodeURIComponent(backup.id)}/delete`, { method: 'POST' });
      expect(res.status).toBe(204);
    }
    expect(late.state.backups).toEqual([]);
    await retry.click();
    const empty = app.byTest('backups-empty');
    await expect(empty).toHaveText('No backups yet on Offline lab. Back up now to create the first one.');
    await expect(error).toHaveCount(0);
    await expect(app.byTest('backup-now')).toBeEnabled();
    await app.screenshot('states-03-no-backups-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('states-04-no-backups-dark');
  });
});
