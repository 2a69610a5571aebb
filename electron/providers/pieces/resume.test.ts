import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finishedWhileClosedOutcome } from './outcomes';
import { createPiecesProvider } from './provider';
import { recordOperation, useSimulators, waitUntil } from './test-support/harness';

const { sim, context } = useSimulators();

const provider = createPiecesProvider({ pollIntervalMs: 100 });
const abandonedCreateScript = fileURLToPath(new URL('./test-support/abandoned-create.ts', import.meta.url));

/** Runs a create in another process and kills it (SIGKILL: no cancel, no goodbye) once the job ids are known. */
async function createThenDie(url: string): Promise<{ backupId: string; remoteRef: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', abandonedCreateScript, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = createInterface({ input: child.stdout });
    for await (const line of lines) return JSON.parse(line) as { backupId: string; remoteRef: string };
    throw new Error('the child process ended without starting a backup');
  } finally {
    child.kill('SIGKILL');
  }
}

describe('Pieces provider: resume after a restart', () => {
  it('re-attaches to a create whose app died, and sees it finish', async () => {
    const pieces = await sim(1);
    const persisted = await createThenDie(pieces.url);
    expect(persisted.remoteRef).toBe(`creation/${persisted.backupId}`);
    // Still running on the server after the app is gone:
    expect(pieces.state.creations.find((c) => c.id === persisted.backupId)?.status).toMatch(/^(INITIALIZED|IN-PROGRESS)$/);
    const run = recordOperation();
    const outcome = await provider.resume(context(pieces.url), { kind: 'create', ...persisted }, run.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: persisted.backupId });
    expect(run.maxFraction()).toBe(1);
    expect(pieces.state.backups.map((b) => b.id)).toContain(persisted.backupId);
  });

  it('can cancel a re-attached create', async () => {
    const pieces = await sim(1);
    const persisted = await createThenDie(pieces.url);
    const run = recordOperation();
    const pending = provider.resume(context(pieces.url), { kind: 'create', remoteRef: persisted.remoteRef }, run.op);
    await waitUntil(() => run.progress.length > 0, 'the resumed job reports progress');
    run.controller.abort();
    expect(await pending).toMatchObject({ state: 'cancelled' });
    expect(pieces.state.backups.map((b) => b.id)).not.toContain(persisted.backupId);
  });

  it('says a create finished while the app was closed when the status is gone but the backup exists', async () => {
    const pieces = await sim(0.05);
    const run = recordOperation();
    await provider.createBackup(context(pieces.url), run.op);
    const [backupId] = run.backupIds;
    await waitUntil(async () => (await fetch(`${pieces.url}/backup/${backupId}/creation/status`)).status === 404, 'Pieces OS forgets the ended creation');
    const outcome = await provider.resume(context(pieces.url), { kind: 'create', backupId, remoteRef: run.remoteRefs[0] }, recordOperation().op);
    expect(outcome).toEqual({ state: 'succeeded', outcome: finishedWhileClosedOutcome(backupId), backupId });
  });

  it('returns null (cannot tell) for a create Pieces OS no longer knows and that left no backup', async () => {
    const pieces = await sim(0.05);
    expect(await provider.resume(context(pieces.url), { kind: 'create', backupId: '11.2.0_1', remoteRef: 'creation/11.2.0_1' }, recordOperation().op)).toBeNull();
    expect(await provider.resume(context(pieces.url), { kind: 'create' }, recordOperation().op)).toBeNull();
  });

  it('re-attaches to a running restore and follows it to the end', async () => {
    const pieces = await sim(0.5);
    const target = pieces.state.backups[1];
    const started = await fetch(`${pieces.url}/backup/${target.id}/restore`, { method: 'POST', body: JSON.stringify(target), headers: { 'content-type': 'application/json' } });
    expect(started.status).toBe(200);
    const outcome = await provider.resume(context(pieces.url), { kind: 'restore', backupId: target.id, remoteRef: `restoration/${target.id}` }, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: target.id });
    expect(pieces.state.localDatabase.source).toBe(`backup:${target.id}`);
  });

  it('returns null for a restore Pieces OS no longer reports, and settles deletes by the list', async () => {
    const pieces = await sim(0.05);
    const [kept] = pieces.state.backups;
    expect(await provider.resume(context(pieces.url), { kind: 'restore', backupId: kept.id }, recordOperation().op)).toBeNull();
    expect(await provider.resume(context(pieces.url), { kind: 'delete', backupId: kept.id }, recordOperation().op)).toBeNull();
    expect(await provider.resume(context(pieces.url), { kind: 'delete', backupId: 'gone_1' }, recordOperation().op)).toMatchObject({ state: 'succeeded' });
  });

  it('waits for Pieces OS to come back when it is briefly unreachable, then follows the backup', async () => {
    const pieces = await sim(0.5);
    const started = await fetch(`${pieces.url}/backups/create`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const { id } = (await started.json()) as { id: string };
    Object.assign(pieces.faults, { pathPrefix: '/backup/', dropConnections: 3 });
    const patient = createPiecesProvider({ pollIntervalMs: 100, reattachRetryMs: 50 });
    const run = recordOperation();
    const outcome = await patient.resume(context(pieces.url), { kind: 'create', backupId: id, remoteRef: `creation/${id}` }, run.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: id });
    expect(run.progress.some((p) => p.stage === 'Waiting for Pieces OS to come back…')).toBe(true);
    expect(pieces.state.requests.filter((r) => r.status === 'dropped')).toHaveLength(3);
  });

  it('returns null (cannot tell) when Pieces OS stays unreachable, instead of failing the job', async () => {
    const gone = await sim(0.05);
    const url = gone.url;
    await gone.close();
    const impatient = createPiecesProvider({ pollIntervalMs: 100, reattachRetryMs: 50, reattachWaitMs: 300 });
    const run = recordOperation();
    expect(await impatient.resume(context(url), { kind: 'restore', backupId: '11.2.0_1', remoteRef: 'restoration/11.2.0_1' }, run.op)).toBeNull();
    expect(await impatient.resume(context(url), { kind: 'create', backupId: '11.2.0_1', remoteRef: 'creation/11.2.0_1' }, recordOperation().op)).toBeNull();
    expect(run.progress.some((p) => p.stage === 'Waiting for Pieces OS to come back…')).toBe(true);
  });
});
