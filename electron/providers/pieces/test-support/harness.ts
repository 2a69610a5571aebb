import type { Endpoint } from '../../../../shared/domain';
import { HttpClient } from '../../../core/http/http-client';
import { silentLogger } from '../../../core/log/logger';
import type { OperationContext, ProgressUpdate, ProviderContext } from '../../provider';

export function makeEndpoint(url: string): Endpoint {
  return { id: 'ep-pieces', kind: 'pieces', name: 'Pieces under test', url, timeoutMs: 5_000, tls: {}, createdAt: new Date(0).toISOString(), secretsSet: [] };
}

export interface TestContext {
  ctx: ProviderContext;
  close(): Promise<void>;
}

export function makeContext(url: string, timeoutMs = 5_000): TestContext {
  const http = new HttpClient({ baseUrl: url, timeoutMs });
  return {
    ctx: { endpoint: makeEndpoint(url), http, log: silentLogger, secret: async () => undefined },
    close: () => http.close(),
  };
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
