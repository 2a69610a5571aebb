import { describe, expect, it } from 'vitest';
import { startPiecesSim } from '../../../e2e/sims/pieces';
import { EndpointMemo } from '../../core/endpoint-memo';
import { notSignedInHint, notSignedInMessage, tooOldHint } from './errors';
import { piecesProvider } from './provider';
import { rejectionOf, useSharedSimulator } from './test-support/harness';

const { sim, context } = useSharedSimulator(0.05);

describe('Pieces provider: reading', () => {
  it('lists the cloud backups, normalised, newest first', async () => {
    const backups = await piecesProvider.listBackups(context());
    const wire = sim.state.backups;
    expect(backups).toHaveLength(6);
    expect(backups.map((b) => b.id)).toEqual(wire.map((b) => b.id));
    const [first] = backups;
    expect(first).toMatchObject({
      id: wire[0].id,
      endpointId: 'ep-pieces',
      state: 'available',
      sizeBytes: wire[0].bytes,
      createdAt: wire[0].created.value,
      version: wire[0].version,
      device: wire[0].device_name,
      platform: wire[0].platform,
    });
    expect(first.details).toMatchObject({ timestamp: wire[0].timestamp, created_readable: '2 days ago' });
  });

  it('gets one backup, and says not-found for an unknown id', async () => {
    const ctx = context();
    const id = sim.state.backups[3].id;
    expect((await piecesProvider.getBackup(ctx, id)).id).toBe(id);
    const error = await rejectionOf(piecesProvider.getBackup(ctx, '11.2.0_1'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('11.2.0_1');
  });

  it('tests the connection: health, version and the backup count', async () => {
    const result = await piecesProvider.testConnection(context());
    expect(result).toMatchObject({ ok: true, url: sim.url, serverVersion: '11.2.0' });
    expect(result.message).toContain('6 backups');
  });

  it('maps 511 to not-signed-in, in testConnection and in calls', async () => {
    sim.faults.signedOut = true;
    const ctx = context();
    const result = await piecesProvider.testConnection(ctx);
    expect(result).toMatchObject({ ok: false, serverVersion: '11.2.0', message: notSignedInMessage, hint: notSignedInHint });
    const error = await rejectionOf(piecesProvider.listBackups(ctx));
    expect(error).toMatchObject({ code: 'not-signed-in', message: notSignedInMessage, hint: notSignedInHint });
  });

  it('maps 505 to server-too-old', async () => {
    sim.faults.tooOld = true;
    const ctx = context();
    expect(await piecesProvider.testConnection(ctx)).toMatchObject({ ok: false, hint: tooOldHint });
    expect(await rejectionOf(piecesProvider.getBackup(ctx, sim.state.backups[0].id))).toMatchObject({ code: 'server-too-old', hint: tooOldHint });
  });

  it('surfaces the text/plain body of a 500', async () => {
    sim.faults.fail5xx = 1;
    sim.faults.fail5xxBody = '  Cloud storage quota\n exceeded for this user  ';
    const error = await rejectionOf(piecesProvider.listBackups(context()));
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('Cloud storage quota exceeded for this user');
  });

  it('cuts a very long 500 body down to something showable', async () => {
    sim.faults.fail5xx = 1;
    sim.faults.fail5xxBody = 'x'.repeat(5_000);
    const error = await rejectionOf(piecesProvider.listBackups(context()));
    expect(error.message.length).toBeLessThan(400);
  });

  it('turns a truncated JSON body into bad-response', async () => {
    sim.faults.malformedBodies = 1;
    const error = await rejectionOf(piecesProvider.listBackups(context()));
    expect(error.code).toBe('bad-response');
  });

  it('turns a JSON body of the wrong shape into bad-response naming the field', async () => {
    sim.faults.malformedBodies = 1;
    sim.faults.malformedStyle = 'wrong-shape';
    const error = await rejectionOf(piecesProvider.listBackups(context()));
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain('iterable');
  });

  it('reports a dropped connection as unreachable', async () => {
    sim.faults.dropConnections = true;
    const ctx = context();
    expect((await rejectionOf(piecesProvider.listBackups(ctx))).code).toBe('unreachable');
    const result = await piecesProvider.testConnection(ctx);
    expect(result.ok).toBe(false);
  });

  it('reports nothing listening as unreachable in testConnection', async () => {
    const closed = await startPiecesSim({ port: 0 });
    await closed.close();
    const result = await piecesProvider.testConnection(context(closed.url));
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toContain('Nothing is listening');
  });

  it('declares its capabilities and the restore warning', () => {
    const caps = piecesProvider.capabilities(context().endpoint, new EndpointMemo());
    const offered = Object.entries(caps).filter(([, c]) => c.enabled).map(([name]) => name);
    expect(offered.sort()).toEqual(['backupAsset', 'cancelCreate', 'cancelRestore', 'create', 'delete', 'restore']);
    expect(caps.exportRecord.reason).toMatch(/no backup records/);
    expect(piecesProvider.info.restoreWarning).toMatch(/REPLACES the local Pieces database/);
    expect(piecesProvider.info.urlOptional).toBe(true);
  });
});
