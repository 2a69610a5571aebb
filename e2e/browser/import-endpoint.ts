import { expect, type AppFixture } from './fixtures';

/** Adds `endpoint` (a line as `npm run sims` prints it) through the core's import, and checks that it was added. */
export async function importEndpoint(backupConsole: AppFixture, endpoint: object): Promise<void> {
  const result = await backupConsole.app.core.dispatch('endpoints.import', { text: JSON.stringify(endpoint) });
  expect(result.ok && (result.value as { added: unknown[] }).added).toHaveLength(1);
}
