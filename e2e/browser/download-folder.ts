import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from './fixtures';

/** Call at the top of a spec: every test gets a fresh temporary folder (`prefix…`) to download into, removed after it. Returns the current test's folder. */
export function useDownloadFolder(prefix: string): () => string {
  let folder = '';
  test.beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  test.afterEach(() => rmSync(folder, { recursive: true, force: true }));
  return () => folder;
}
