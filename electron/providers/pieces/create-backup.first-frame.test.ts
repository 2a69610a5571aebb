import { describe, expect, it, vi } from 'vitest';
import type * as progressStream from './progress-stream';
import { createPiecesProvider } from './provider';
import { recordOperation, rejectionOf, useSharedSimulator, waitUntil } from './test-support/harness';

// The progress stream opens, but its first frame (what was running before our POST) never arrives in time.
vi.mock('./progress-stream', async (importOriginal) => {
  const real = await importOriginal<typeof progressStream>();
  return {
    ...real,
    openProgressStream: async (...args: Parameters<typeof real.openProgressStream>) => {
      const stream = await real.openProgressStream(...args);
      return stream && { ...stream, firstFrame: async () => null };
    },
  };
});

const { sim, context } = useSharedSimulator(1);

const provider = createPiecesProvider({ pollIntervalMs: 100 });

describe('Pieces provider: create when the first progress frame was missed', () => {
  it("does not adopt someone else's running backup as ours", async () => {
    const theirs = (await (await fetch(`${sim.url}/backups/create`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json()) as { id: string };
    // Our POST is refused ("already in progress"), but only after the stream has shown their backup.
    Object.assign(sim.faults, { pathPrefix: '/backups/create', latencyMs: 800 });
    const run = recordOperation();
    const error = await rejectionOf(provider.createBackup(context(), run.op));
    expect(error.message).toContain('already in progress');
    expect(run.backupIds).not.toContain(theirs.id);
  });

  it('still learns the id from the POST answer', async () => {
    await fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ timeScale: 0.1 }), headers: { 'content-type': 'application/json' } });
    const run = recordOperation();
    const outcome = await provider.createBackup(context(), run.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: run.backupIds[0] });
    await waitUntil(() => sim.state.backups.some((b) => b.id === run.backupIds[0]), 'the backup is listed');
  });
});
