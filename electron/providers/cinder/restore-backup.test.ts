import { describe, expect, it } from 'vitest';
import { recordOperation, rejectionOf, useOpenStackSim, waitUntil } from '../openstack/test-support/harness';
import { fastCinder, projectOf, volumeNamed } from './test-support/fixtures';

const { sim, context } = useOpenStackSim();
const availableBackup = () => sim().cinder.backups(projectOf(sim(), 'admin')).find((b) => b.status === 'available' && b.size <= 20)!;

describe('Cinder provider: restore', () => {
  it('restores to a new volume and follows it to available', async () => {
    const backup = availableBackup();
    const run = recordOperation();
    const outcome = await fastCinder.restoreBackup(context('admin'), backup.id, run.op, { target: 'new', name: 'restored-db' });
    const target = sim().cinder.volumes().find((v) => v.name === 'restored-db')!;
    expect(outcome).toEqual({ state: 'succeeded', backupId: backup.id, outcome: `Restored backup ${backup.id} to volume restored-db (${target.id}); the volume is available.` });
    expect(target.status).toBe('available');
    expect(run.remoteRefs).toEqual([`restore/${backup.id}/${target.id}`]);
    expect(run.progress.some((p) => /volume restoring-backup, backup restoring/.test(p.stage ?? ''))).toBe(true);
  });

  it('restores over an existing volume after checking it', async () => {
    const backup = availableBackup();
    const target = volumeNamed(sim(), 'restore-target');
    const outcome = await fastCinder.restoreBackup(context('admin'), backup.id, recordOperation().op, { target: 'existing', volume_id: target.id });
    expect(outcome.state).toBe('succeeded');
    expect(sim().requests().find((r) => r.path.endsWith('/restore'))?.body).toEqual({ restore: { volume_id: target.id } });
  });

  it('refuses a busy or too small target before sending the restore', async () => {
    const backup = availableBackup();
    const busy = await rejectionOf(fastCinder.restoreBackup(context('admin'), backup.id, recordOperation().op, { target: 'existing', volume_id: volumeNamed(sim(), 'web-root').id }));
    expect(busy).toMatchObject({ code: 'conflict', message: expect.stringMatching(/web-root .* is in-use; Cinder restores only into an available volume/) });
    const small = sim().cinder.addVolume({ name: 'tiny', size: 1 });
    const tooSmall = await rejectionOf(fastCinder.restoreBackup(context('admin'), backup.id, recordOperation().op, { target: 'existing', volume_id: small.id }));
    expect(tooSmall).toMatchObject({ code: 'validation', message: expect.stringMatching(/tiny .* holds 1 GiB, smaller than backup/) });
    expect(sim().requests().some((r) => r.path.endsWith('/restore'))).toBe(false);
  });

  it('fails when the target volume ends in error_restoring', async () => {
    sim().faults.cinderRestoreFails = true;
    const error = await rejectionOf(fastCinder.restoreBackup(context('admin'), availableBackup().id, recordOperation().op, { target: 'new' }));
    expect(error).toMatchObject({ code: 'server-error', message: expect.stringMatching(/volume .* is in error_restoring/) });
  });

  it('signs in again when the token is revoked in the middle of a restore, and finishes', async () => {
    sim().config.timeScale = 0.5;
    const run = recordOperation();
    const pending = fastCinder.restoreBackup(context('admin'), availableBackup().id, run.op, { target: 'new' });
    await waitUntil(() => run.remoteRefs.length > 0, 'the restore started');
    sim().revokeTokens();
    expect((await pending).state).toBe('succeeded');
    const log = sim().requests();
    expect(log.filter((r) => r.path.endsWith('/auth/tokens') && r.status === 201)).toHaveLength(2);
    expect(log.some((r) => r.status === 401)).toBe(true);
  });

  it('cancels as admin by resetting the backup status; cancelled only once the volume shows error, and the backup is available again', async () => {
    sim().config.timeScale = 1;
    const backup = availableBackup();
    const run = recordOperation();
    const pending = fastCinder.restoreBackup(context('admin'), backup.id, run.op, { target: 'new', name: 'half-done' });
    await waitUntil(() => run.remoteRefs.length > 0, 'the restore started');
    run.controller.abort();
    const outcome = await pending;
    const target = sim().cinder.volumes().find((v) => v.name === 'half-done')!;
    expect(outcome.state).toBe('cancelled');
    expect(outcome.outcome).toContain(`marked volume half-done (${target.id}) error. The target volume is partly written: delete it or restore again. Backup ${backup.id} is available again.`);
    expect(outcome.outcome).not.toMatch(/marked error/);
    expect(sim().requests().find((r) => r.path.endsWith('/action'))).toMatchObject({ status: 202, body: { 'os-reset_status': { status: 'error' } } });
    expect(target.status).toBe('error');
    expect(sim().cinder.backups().find((b) => b.id === backup.id)?.status).toBe('available');
  });

  it('re-attaches to a restore after a restart', async () => {
    sim().config.timeScale = 0.3;
    const backup = availableBackup();
    const first = recordOperation();
    const original = fastCinder.restoreBackup(context('admin'), backup.id, first.op, { target: 'new' });
    await waitUntil(() => first.remoteRefs.length > 0, 'the restore started');
    const resumed = await fastCinder.resume(context('admin'), { kind: 'restore', backupId: backup.id, remoteRef: first.remoteRefs[0] }, recordOperation().op);
    expect(resumed?.state).toBe('succeeded');
    await original;
    expect(await fastCinder.resume(context('admin'), { kind: 'restore', remoteRef: 'nonsense' }, recordOperation().op)).toBeNull();
  });
});
