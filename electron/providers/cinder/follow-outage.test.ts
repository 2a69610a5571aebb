import { describe, expect, it } from 'vitest';
import { recordOperation, rejectionOf, useOpenStackSim, waitUntil } from '../openstack/test-support/harness';
import { createCinderProvider } from './provider';
import { remoteRefFor } from './timing';
import { fastCinder, projectOf, volumeNamed } from './test-support/fixtures';

const { sim, context } = useOpenStackSim();
const shortTolerance = createCinderProvider({ pollStartMs: 20, pollMaxMs: 50, cancelConfirmMs: 5_000, outageToleranceMs: 150 });
const pauseMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const deletable = () => sim().cinder.backups(projectOf(sim(), 'admin')).find((b) => b.status === 'available' && !sim().cinder.backups().some((o) => o.parentId === b.id))!;

describe('Cinder provider: brief outages while following an operation', () => {
  it('rides out Cinder answering 500 for a while (it used to fail the job at the first one)', async () => {
    sim().config.timeScale = 0.3;
    const run = recordOperation();
    const pending = fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id });
    await waitUntil(() => run.backupIds.length > 0, 'the backup started');
    Object.assign(sim().faults, { fail5xx: true, pathPrefix: '/volume/' });
    await pauseMs(300);
    sim().faults.fail5xx = false;
    expect(await pending).toMatchObject({ state: 'succeeded', backupId: run.backupIds[0] });
    expect(run.progress.some((p) => /Cinder is not answering .*HTTP 500.*still trying/.test(p.stage ?? ''))).toBe(true);
  });

  it('rides out a Keystone hiccup while signing in again', async () => {
    sim().config.timeScale = 0.3;
    const run = recordOperation();
    const pending = fastCinder.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id });
    await waitUntil(() => run.backupIds.length > 0, 'the backup started');
    sim().faults.keystoneDown = true;
    sim().revokeTokens();
    await pauseMs(300);
    sim().faults.keystoneDown = false;
    expect((await pending).state).toBe('succeeded');
  });

  it('past the tolerance says contact was lost, that the backup may still be running, and what to check', async () => {
    sim().config.timeScale = 1;
    const run = recordOperation();
    const pending = shortTolerance.createBackup(context('admin'), run.op, { volume_id: volumeNamed(sim(), 'db-data').id });
    await waitUntil(() => run.backupIds.length > 0, 'the backup started');
    Object.assign(sim().faults, { dropConnections: true, pathPrefix: '/volume/' });
    const id = run.backupIds[0]!;
    const error = await rejectionOf(pending);
    expect(error).toMatchObject({ code: 'unreachable', message: expect.stringMatching(new RegExp(`^Lost contact with Cinder .*may still be running on the server \\(creating backup ${id}\\); how it ends is unknown`)), hint: expect.stringContaining(`Check backup ${id}`) });
    expect(error.message).not.toMatch(/^Cinder reported that backup/);
  });

  it('names the volume and the backup when contact is lost during a restore', async () => {
    sim().config.timeScale = 1;
    const backup = deletable();
    const run = recordOperation();
    const pending = shortTolerance.restoreBackup(context('admin'), backup.id, run.op, { target: 'new', name: 'out-of-reach' });
    await waitUntil(() => run.remoteRefs.length > 0, 'the restore started');
    Object.assign(sim().faults, { fail5xx: true, pathPrefix: '/volume/' });
    const volume = sim().cinder.volumes().find((v) => v.name === 'out-of-reach')!;
    expect(await rejectionOf(pending)).toMatchObject({ code: 'unreachable', hint: expect.stringContaining(`Check volume out-of-reach (${volume.id}) and backup ${backup.id}`) });
  });

  it('re-attaching while Cinder is still down keeps its pace after a cancel (an aborted signal used to make it retry without pausing)', async () => {
    const paced = createCinderProvider({ pollStartMs: 50, pollMaxMs: 50, cancelConfirmMs: 5_000, outageToleranceMs: 500 });
    const backup = deletable();
    // Cinder answers, but not about this backup: the re-attach keeps trying to read it.
    Object.assign(sim().faults, { fail5xx: true, pathPrefix: `/volume/v3/${projectOf(sim(), 'admin')}/backups/${backup.id}` });
    const before = sim().requests().length;
    const run = recordOperation();
    setTimeout(() => run.controller.abort(), 100);
    const error = await rejectionOf(paced.resume(context('admin'), { kind: 'create', backupId: backup.id, remoteRef: remoteRefFor({ op: 'create', backupId: backup.id }) }, run.op));
    expect(error).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/^Lost contact with Cinder/) });
    // About one try per 50 ms pause for 500 ms; the busy loop made hundreds.
    expect(sim().requests().length - before).toBeLessThan(30);
  });

  it('a delete that lost contact is not reported failed either', async () => {
    sim().config.timeScale = 1;
    const backup = deletable();
    const run = recordOperation();
    const pending = shortTolerance.deleteBackup(context('admin'), backup.id, run.op);
    await waitUntil(() => run.remoteRefs.length > 0, 'the delete was accepted');
    Object.assign(sim().faults, { dropConnections: true, pathPrefix: '/volume/' });
    expect(await rejectionOf(pending)).toMatchObject({ code: 'unreachable', message: expect.stringContaining(`(deleting backup ${backup.id})`) });
  });
});

describe('Cinder provider: a delete that fails', () => {
  it('fails with the fail_reason when the backup ends error after an accepted delete (it used to poll forever)', async () => {
    sim().cinder.failDeletesWith = 'Swift container is gone';
    const backup = deletable();
    const error = await rejectionOf(fastCinder.deleteBackup(context('admin'), backup.id, recordOperation().op));
    expect(error).toMatchObject({ code: 'server-error', message: `Cinder could not delete backup ${backup.id} (error: Swift container is gone).` });
  });
});
