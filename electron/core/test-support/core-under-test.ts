import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '../../../shared/domain';
import type { ProviderRegistry } from '../../providers/registry';
import { createAppCore, type AppCore } from '../app-core';
import { createLogger, SecretRedactor } from '../log/logger';
import { PassphraseVault } from '../secrets/passphrase-vault';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The whole core in a temp folder with an unlocked passphrase vault, recording every answer, event
 * and log line so a test can prove what never appears in them.
 */
export interface CoreUnderTest {
  core: AppCore;
  dataDir: string;
  answers: string[];
  events: string[];
  logLines: string[];
  call<T>(name: string, input?: unknown): Promise<T>;
  failure(name: string, input: unknown): Promise<{ code: string; message: string; hint?: string }>;
  /** Polls `jobs.list` until the job ends (15 s unless told). */
  finished(job: Job, timeoutMs?: number): Promise<Job>;
  close(): Promise<void>;
}

export interface CoreUnderTestOptions {
  /** Providers with test timings (short poll intervals); the built-in registry otherwise. */
  providers?: ProviderRegistry;
  /** 'electron' reads dropped files by path (as the desktop does); 'web' (default) streams them. */
  host?: 'electron' | 'web';
}

export async function startCoreUnderTest(name: string, options: CoreUnderTestOptions = {}): Promise<CoreUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), `bc-${name}-`));
  const answers: string[] = [];
  const events: string[] = [];
  const logLines: string[] = [];
  const redactor = new SecretRedactor();
  const log = createLogger({ file: join(dataDir, 'logs', 'main.log'), redactor, sink: (l) => logLines.push(l), level: 'debug' });
  const vault = await PassphraseVault.open(join(dataDir, 'secrets.json'), { onSecret: (v) => redactor.add(v) });
  const core = await createAppCore({ dataDir, secretStore: vault, log, host: options.host ?? 'web', version: 'test', redactor, providers: options.providers });
  core.onEvent((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`));

  const dispatch = async (callName: string, input: unknown) => {
    const result = await core.dispatch(callName, input);
    answers.push(JSON.stringify(result));
    return result;
  };
  const call = async <T>(callName: string, input: unknown = {}): Promise<T> => {
    const result = await dispatch(callName, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
  await call('vault.unlock', { passphrase: `vault passphrase for the ${name} test` });

  return {
    core,
    dataDir,
    answers,
    events,
    logLines,
    call,
    async failure(callName, input) {
      const result = await dispatch(callName, input);
      if (result.ok) throw new Error(`${callName} unexpectedly succeeded`);
      return result.error;
    },
    async finished(job, timeoutMs = 15_000) {
      for (let i = 0; i < timeoutMs / 25; i++) {
        const current = (await call<Job[]>('jobs.list')).find((j) => j.id === job.id)!;
        if (['succeeded', 'failed', 'cancelled', 'interrupted'].includes(current.state)) return current;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`job ${job.id} did not finish`);
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
