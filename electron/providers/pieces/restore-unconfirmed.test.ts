import { describe, expect, it } from 'vitest';
import type { PiecesSim } from '../../../e2e/sims/pieces';
import { createPiecesProvider } from './provider';
import { recordOperation, rejectionOf, useSimulators, waitUntil } from './test-support/harness';

const { sim, context } = useSimulators();

const restoration = (pieces: PiecesSim, id: string) => pieces.state.restorations.find((r) => r.id === id);

describe('Pieces provider: a restore whose end was not seen', () => {
  it('does not claim success when Pieces OS forgets a running restore (it restarted)', async () => {
    const pieces = await sim(1);
    const target = pieces.state.backups[1];
    const run = recordOperation();
    const pending = createPiecesProvider({ pollIntervalMs: 100 }).restoreBackup(context(pieces), target.id, run.op);
    await waitUntil(() => run.maxFraction() > 0.1, 'the restore is under way');
    pieces.reset();
    const error = await rejectionOf(pending);
    expect(error.code).toBe('server-error');
    expect(error.message).toContain(`whether the restore of backup ${target.id} completed could not be confirmed`);
    expect(error.hint).toContain('before relying on the local database');
  });

  it('does not claim success when status polls failed through FAILED and the ended status expired', async () => {
    const pieces = await sim(0.5, { endedStatusRetentionMs: 0 });
    pieces.faults.failNextOperations = 1;
    const target = pieces.state.backups[2];
    const run = recordOperation();
    const pending = createPiecesProvider({ pollIntervalMs: 200, useProgressStream: false }).restoreBackup(context(pieces), target.id, run.op);
    await waitUntil(() => (restoration(pieces, target.id)?.percentage ?? 0) >= 25, 'the restore is a quarter done');
    Object.assign(pieces.faults, { pathPrefix: `/backup/${target.id}/restoration/status`, fail5xx: true });
    await waitUntil(() => restoration(pieces, target.id) === undefined, 'Pieces OS forgets the failed restore');
    pieces.faults.fail5xx = false;
    const error = await rejectionOf(pending);
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('could not be confirmed');
    expect(pieces.state.localDatabase.source).toBe('original');
  });

  it('says the outcome is unknown when contact with Pieces OS is lost mid-restore', async () => {
    const pieces = await sim(1);
    const target = pieces.state.backups[1];
    const run = recordOperation();
    const pending = createPiecesProvider({ pollIntervalMs: 50, useProgressStream: false }).restoreBackup(context(pieces), target.id, run.op);
    await waitUntil(() => run.maxFraction() > 0.05, 'the restore is under way');
    pieces.faults.dropConnections = true;
    const error = await rejectionOf(pending);
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`Lost contact with Pieces OS while following the restore of ${target.id}`);
    expect(error.message).toContain('whether it finished is not known');
    expect(error.hint).toContain('before relying on the local database');
  });

  it('trusts the 200 of a blocking restore POST when the status is already gone', async () => {
    const pieces = await sim(0.5, { endedStatusRetentionMs: 0 });
    pieces.faults.restoreBlocks = true;
    const target = pieces.state.backups[3];
    const outcome = await createPiecesProvider({ pollIntervalMs: 50, useProgressStream: false }).restoreBackup(context(pieces), target.id, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: target.id });
    expect(pieces.state.localDatabase.source).toBe(`backup:${target.id}`);
  });
});
