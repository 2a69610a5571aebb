import { describe, expect, it } from 'vitest';
import { startPiecesSim } from '../../../e2e/sims/pieces';
import { cancelledRestoreOutcome, restoreAlreadyFinishedOutcome } from './outcomes';
import { createPiecesProvider } from './provider';
import { recordOperation, rejectionOf, useSharedSimulator, waitUntil } from './test-support/harness';

const { sim, context } = useSharedSimulator(0.1);

const provider = createPiecesProvider({ pollIntervalMs: 100 });
const pollingOnly = createPiecesProvider({ pollIntervalMs: 50, useProgressStream: false });

describe('Pieces provider: restore', () => {
  it('restores a backup with progress; the local database becomes that backup', async () => {
    const target = sim.state.backups[2];
    const run = recordOperation();
    const outcome = await provider.restoreBackup(context(), target.id, run.op);
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: target.id });
    expect(run.backupIds).toEqual([target.id]);
    expect(run.remoteRefs).toEqual([`restoration/${target.id}`]);
    expect(run.maxFraction()).toBe(1);
    expect(run.progress.some((p) => (p.fraction ?? 0) > 0 && (p.fraction ?? 0) < 1)).toBe(true);
    expect(run.progress.at(-1)?.bytesTotal).toBe(target.bytes);
    expect(sim.state.localDatabase).toEqual({ source: `backup:${target.id}`, bytes: target.bytes });
  });

  it('restores by polling alone, and when the POST blocks until the end', async () => {
    sim.faults.restoreBlocks = true;
    const target = sim.state.backups[1];
    expect((await pollingOnly.restoreBackup(context(), target.id, recordOperation().op)).state).toBe('succeeded');
    expect((await provider.restoreBackup(context(), target.id, recordOperation().op)).state).toBe('succeeded');
    expect(sim.state.localDatabase.source).toBe(`backup:${target.id}`);
  });

  it('cancels a restore midway: Pieces OS puts the original database back', async () => {
    const slow = await startPiecesSim({ port: 0, timeScale: 1 });
    try {
      const target = slow.state.backups[0];
      const run = recordOperation();
      const pending = provider.restoreBackup(context(slow.url), target.id, run.op);
      await waitUntil(() => run.maxFraction() > 0.1, 'the restore is under way');
      expect(slow.state.localDatabase.source).toBe(`restoring:${target.id}`);
      run.controller.abort();
      expect(await pending).toEqual({ state: 'cancelled', outcome: cancelledRestoreOutcome, backupId: target.id });
      expect(slow.state.localDatabase.source).toBe('original');
      expect(slow.state.restorations.find((r) => r.id === target.id)?.status).toBe('CANCELED');
    } finally {
      await slow.close();
    }
  });

  it('reports a restore cancel that arrives after the end as already finished', async () => {
    const unaware = createPiecesProvider({ pollIntervalMs: 60_000, useProgressStream: false });
    const target = sim.state.backups[4];
    const run = recordOperation();
    const pending = unaware.restoreBackup(context(), target.id, run.op);
    await waitUntil(() => sim.state.localDatabase.source === `backup:${target.id}`, 'the restore finished on the server');
    run.controller.abort();
    expect(await pending).toEqual({ state: 'succeeded', outcome: restoreAlreadyFinishedOutcome(target.id), backupId: target.id });
    expect(sim.state.requests.some((r) => r.path === `/backup/${target.id}/restoration/cancel` && r.status === 500)).toBe(true);
  });

  it('says not-found when restoring a backup that does not exist', async () => {
    const error = await rejectionOf(provider.restoreBackup(context(), '11.2.0_1', recordOperation().op));
    expect(error.code).toBe('not-found');
    expect(sim.state.requests.some((r) => r.path.endsWith('/restore'))).toBe(false);
  });

  it('maps a FAILED restore to server-error and keeps the original database', async () => {
    sim.faults.failNextOperations = 1;
    const error = await rejectionOf(provider.restoreBackup(context(), sim.state.backups[0].id, recordOperation().op));
    expect(error.code).toBe('server-error');
    expect(sim.state.localDatabase.source).toBe('original');
  });
});

describe('Pieces provider: delete and asset backup', () => {
  it('deletes a backup', async () => {
    const target = sim.state.backups[5];
    const outcome = await provider.deleteBackup(context(), target.id, recordOperation().op);
    expect(outcome.state).toBe('succeeded');
    expect(sim.state.backups.map((b) => b.id)).not.toContain(target.id);
  });

  it('says not-found when deleting an unknown backup', async () => {
    expect((await rejectionOf(provider.deleteBackup(context(), 'nope_1', recordOperation().op))).code).toBe('not-found');
  });

  it('backs up one asset: GET /asset/{id}, then POST /backup/asset with it', async () => {
    const asset = sim.state.assets[1];
    const outcome = await provider.backupAsset(context(), asset.id, recordOperation().op);
    expect(outcome).toMatchObject({ state: 'succeeded' });
    expect(outcome.outcome).toContain(asset.name!);
    expect(sim.state.assetBackups.map((b) => b.assetId)).toEqual([asset.id]);
  });

  it('says clearly when the asset does not exist', async () => {
    const error = await rejectionOf(provider.backupAsset(context(), 'missing-asset', recordOperation().op));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('missing-asset');
    expect(sim.state.assetBackups).toEqual([]);
  });

  it('maps 511 on asset backup to not-signed-in', async () => {
    sim.faults.signedOut = true;
    expect((await rejectionOf(provider.backupAsset(context(), sim.state.assets[0].id, recordOperation().op))).code).toBe('not-signed-in');
  });
});
