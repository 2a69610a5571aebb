import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leftoverParts } from '../../core/files/test-kit';
import { createJujuProvider } from './provider';
import { recordOperation, rejectionOf, testProvider, useJujuSim, waitUntil } from './test-support/harness';

const stages = (recorded: ReturnType<typeof recordOperation>) => recorded.progress.map((p) => p.stage).filter((s): s is string => Boolean(s));

describe.each(['2.8.10', '3.6.14'] as const)('creating a backup on Juju %s', (version) => {
  const juju = useJujuSim({ version });
  const oneShot = version === '3.6.14';

  it('shows the blocking Create as a stage with the elapsed time, and says where the backup is', async () => {
    const ctx = juju.context();
    const recorded = recordOperation();
    const outcome = await testProvider.createBackup(ctx, recorded.op, { notes: 'nightly' });
    const [created] = juju.sim().state.created;
    expect(outcome).toMatchObject({ state: 'succeeded', backupId: created!.id });
    expect(recorded.backupIds).toEqual([created!.id]);
    expect(stages(recorded)[0]).toBe('Signing in to the controller');
    expect(stages(recorded).filter((s) => s.startsWith('Creating the backup on the controller (Juju reports no progress) — ')).length).toBeGreaterThan(2);
    const create = juju.sim().state.requests.find((r) => r.call.endsWith('.Create'))!;
    if (oneShot) {
      expect(create).toMatchObject({ call: 'Backups(3).Create', params: { notes: 'nightly', 'no-download': true } });
      expect(outcome.outcome).toContain('the controller deletes it after one download');
    } else {
      expect(create).toMatchObject({ call: 'Backups(2).Create', params: { notes: 'nightly', 'keep-copy': true, 'no-download': true } });
      expect(outcome.outcome).toBe(`Backup ${created!.id} (262 kB) is stored on the controller.`);
      // no-download true: 2.x leaves no archive behind in backup-dir.
      expect(juju.sim().state.pendingFiles).toEqual([]);
    }
    // The created backup is listed; on 3.x only because this app made it, as the note says.
    const listed = await testProvider.listBackups(ctx);
    expect(listed.map((b) => b.id)).toEqual([created!.id]);
    expect(listed[0]).toMatchObject({ name: 'nightly', statusText: oneShot ? 'on the controller' : 'stored', sizeBytes: 256 * 1024, version });
    if (oneShot) expect(listed[0]!.details.note).toContain('cannot list backups; shown: those created from Backup Console since it started');
    expect(JSON.stringify(listed)).not.toMatch(/PRIVATE KEY|ca-private-key/);
  });

  it('downloads the new backup, verifies its SHA-1, and only then gives the file its name', async () => {
    const ctx = juju.context();
    const sink = juju.sink();
    const recorded = recordOperation();
    const outcome = await testProvider.createBackup(ctx, recorded.op, { notes: 'to keep' }, sink);
    expect(outcome.state).toBe('succeeded');
    expect(outcome.outcome).toContain(`to ${sink.destination}; its SHA-1 matched the controller's checksum.`);
    expect(statSync(sink.destination).size).toBe(256 * 1024);
    expect(leftoverParts(sink.destination)).toEqual([]);
    const downloading = recorded.progress.filter((p) => p.stage?.startsWith('Downloading: '));
    expect(downloading.at(-1)).toMatchObject({ stage: 'Downloading: 262 kB of 262 kB', bytesDone: 256 * 1024, bytesTotal: 256 * 1024, fraction: 1 });
    const create = juju.sim().state.requests.find((r) => r.call.endsWith('.Create'))!;
    expect(create.params).toMatchObject({ 'no-download': false });
    // 2.x too is fetched by the filename Create returned, as the 2.9 CLI does: that removes the file Create left in backup-dir.
    expect(juju.sim().state.downloads).toEqual([expect.objectContaining({ complete: true, id: juju.sim().state.created[0]!.filename })]);
    expect(juju.sim().state.pendingFiles).toEqual([]);
    if (oneShot) {
      expect(outcome.outcome).toContain('The controller deleted its copy after this download.');
      expect(juju.sim().state.pendingFiles).toEqual([]);
      expect(await testProvider.listBackups(ctx)).toEqual([]);
    }
  });

  it('keeps no file when the download does not match the published checksum', async () => {
    juju.sim().faults.wrongChecksum = 1;
    const sink = juju.sink();
    const error = await rejectionOf(testProvider.createBackup(juju.context(), recordOperation().op, {}, sink));
    expect(error.message).toContain('the file did not match the checksum the controller published; nothing was kept.'.replace(/^t/, 'T'));
    expect(error.message).toMatch(/^Backup \S+ was created on the controller, but saving it failed/);
    expect(readdirSync(juju.folder())).toEqual([]);
  });

  it('keeps no file when the download breaks off midway', async () => {
    juju.sim().faults.dropDownloadAt = 100_000;
    const sink = juju.sink();
    const error = await rejectionOf(testProvider.createBackup(juju.context(), recordOperation().op, {}, sink));
    expect(error).toMatchObject({ code: 'unreachable', message: expect.stringContaining('The download broke off; nothing was kept.') });
    if (oneShot) expect(error.message).toContain('create a new backup');
    expect(readdirSync(juju.folder())).toEqual([]);
  });

  it('gives up waiting after the create timeout: the outcome is unknown (interrupted), not failed', async () => {
    juju.sim().faults.slowCreateMs = 2_000;
    const impatient = createJujuProvider({ elapsedTickMs: 20, createTimeoutMs: 150 });
    const outcome = await impatient.createBackup(juju.context(), recordOperation().op, {});
    expect(outcome).toMatchObject({ state: 'unknown', outcome: expect.stringContaining('raise "Create timeout (minutes)"') });
    expect(outcome.outcome).toContain('cannot tell whether the controller finished the backup');
  });

  it('turns a failed Create into a clear error', async () => {
    juju.sim().faults.createFails = 'HA not ready; try again later';
    const error = await rejectionOf(testProvider.createBackup(juju.context(), recordOperation().op, {}));
    expect(error).toMatchObject({ code: 'conflict', message: 'The controller cannot create a backup right now: HA not ready; try again later.' });
  });

  it('says the outcome is unknown when the socket drops during Create', async () => {
    juju.sim().faults.latencyMs = 100;
    const settings = { model_uuid: juju.sim().controllerModelUuid, agent_version: version };
    const running = testProvider.createBackup(juju.context('admin', { settings }), recordOperation().op, {});
    // The simulator checks for a drop after its latency: arm it once our Create has arrived.
    await waitUntil(() => juju.sim().state.requests.some((r) => r.call.endsWith('.Create')), 'the Create call reached the controller');
    juju.sim().faults.dropSocket = 1;
    const outcome = await running;
    expect(outcome).toMatchObject({ state: 'unknown', outcome: expect.stringContaining('cannot tell whether the controller finished the backup') });
    expect(outcome.outcome).toContain(oneShot ? 'juju download-backup' : 'No backup started since the call with these notes is stored yet');
  });
});
