import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startPiecesSim, type PiecesSim } from '../../../../e2e/sims/pieces';
import type { Endpoint } from '../../../../shared/domain';
import type { OperationContext, ProgressUpdate, ProviderContext } from '../../provider';
import { makeTestContext, testEndpoint, type TestContext } from '../../test-support/context';

const piecesUnderTest = { kind: 'pieces', name: 'Pieces under test' } as const;

export function makeEndpoint(url: string): Endpoint {
  return testEndpoint({ ...piecesUnderTest, url });
}

export function makeContext(url: string, timeoutMs = 5_000): TestContext {
  return makeTestContext({ ...piecesUnderTest, url, timeoutMs });
}

export interface SimConfig {
  /** How long an ended operation still answers on /status. */
  endedStatusRetentionMs?: number;
}

export interface Simulators {
  /** Starts a simulator, closed after each test; a `config` is POSTed to /__sim/config first. */
  sim(timeScale?: number, config?: SimConfig): Promise<PiecesSim>;
  /** A provider context on `target` (a simulator or its URL), closed after each test. */
  context(target: PiecesSim | string): ProviderContext;
}

/** Call at the top of a test file: registers the afterEach that closes what the returned helpers opened. */
export function useSimulators(): Simulators {
  const sims: PiecesSim[] = [];
  const opened: TestContext[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
    await Promise.all(sims.splice(0).map((s) => s.close()));
  });
  return {
    sim: async (timeScale = 1, config) => {
      const started = await startPiecesSim({ port: 0, timeScale });
      sims.push(started);
      if (config) {
        const res = await fetch(`${started.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config), headers: { 'content-type': 'application/json' } });
        expect(res.status).toBe(200);
      }
      return started;
    },
    context: (target) => {
      const made = makeContext(typeof target === 'string' ? target : target.url);
      opened.push(made);
      return made.ctx;
    },
  };
}

export interface SharedSimulator {
  /** The file's simulator: started before all its tests, reset after each, closed after all. */
  sim: PiecesSim;
  /** A provider context on `target` (default: the shared simulator), closed after each test. */
  context(target?: PiecesSim | string): ProviderContext;
}

/** Call at the top of a test file whose tests share one simulator (faster than one per test). */
export function useSharedSimulator(timeScale: number): SharedSimulator {
  const { context } = useSimulators();
  let started: PiecesSim | undefined;
  const current = (): PiecesSim => {
    if (!started) throw new Error('The shared Pieces simulator is only there inside tests (it starts in beforeAll)');
    return started;
  };
  beforeAll(async () => {
    started = await startPiecesSim({ port: 0, timeScale });
  });
  afterAll(() => started?.close());
  // Registered after useSimulators' cleanup, so (hooks run as a stack) it resets before the contexts close.
  afterEach(() => started?.reset());
  const sim: PiecesSim = {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get faults() {
      return current().faults;
    },
    get state() {
      return current().state;
    },
    reset: () => current().reset(),
    close: () => current().close(),
  };
  return { sim, context: (target = sim) => context(target) };
}

export interface RecordedOperation {
  op: OperationContext;
  controller: AbortController;
  progress: ProgressUpdate[];
  backupIds: string[];
  remoteRefs: string[];
  /** The highest fraction reported so far. */
  maxFraction(): number;
}

export function recordOperation(hooks: { onBackupId?: (id: string) => void } = {}): RecordedOperation {
  const controller = new AbortController();
  const progress: ProgressUpdate[] = [];
  const backupIds: string[] = [];
  const remoteRefs: string[] = [];
  return {
    controller,
    progress,
    backupIds,
    remoteRefs,
    maxFraction: () => Math.max(0, ...progress.map((p) => p.fraction ?? 0)),
    op: {
      signal: controller.signal,
      progress: (update) => progress.push(update),
      setBackupId: (id) => {
        backupIds.push(id);
        hooks.onBackupId?.(id);
      },
      setRemoteRef: (ref) => remoteRefs.push(ref),
      recordSavedFile: () => undefined,
    },
  };
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. Never a bare sleep. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Catches the rejection of `promise` for assertions on AppError fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; message: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; hint?: string };
  }
  throw new Error('Expected the promise to reject, but it resolved');
}
