import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { TestContext } from './context';

export interface FileSimulator<S> {
  /** The file's simulator (started before its tests, closed after them); throws outside tests. */
  sim(): S;
  /** Keeps `made` to be closed after the current test; returns it. */
  track<C extends TestContext>(made: C): C;
  /** A fresh temporary folder named `prefix…`, removed after the current test. */
  folder(prefix: string): string;
}

/**
 * Call at the top of a test file: one simulator for the file. After each test, the contexts it
 * tracked are closed, its folders removed, and then the simulator is reset.
 */
export function useFileSimulator<S extends { reset(): void; close(): Promise<void> }>(name: string, start: () => Promise<S>): FileSimulator<S> {
  let started: S | undefined;
  const opened: TestContext[] = [];
  const folders: string[] = [];
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started?.close());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    started?.reset();
  });
  return {
    sim: () => {
      if (!started) throw new Error(`The ${name} simulator only exists inside tests`);
      return started;
    },
    track: (made) => {
      opened.push(made);
      return made;
    },
    folder: (prefix) => {
      const made = mkdtempSync(join(tmpdir(), prefix));
      folders.push(made);
      return made;
    },
  };
}
