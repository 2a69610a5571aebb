import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DownloadSink } from '../../core/files/download-sink';
import { recordOperation, rejectionOf, testProvider, useJujuSim } from './test-support/harness';

/** A sink that fails like the disk would: mid-write (ENOSPC) or at the final rename. */
function failingSink(real: DownloadSink, fail: 'write' | 'commit'): DownloadSink {
  const fsError = (code: string, text: string) => Object.assign(new Error(`${code}: ${text}`), { code });
  return {
    destination: real.destination,
    get saved() {
      return real.saved;
    },
    async write(source, onBytes, signal, options) {
      if (fail === 'commit') return real.write(source, onBytes, signal, options);
      const reader = Readable.from(source as AsyncIterable<Uint8Array>);
      for await (const chunk of reader) {
        onBytes((chunk as Uint8Array).length);
        reader.destroy();
        throw fsError('ENOSPC', 'no space left on device, write');
      }
      throw fsError('ENOSPC', 'no space left on device, write');
    },
    commit: () => (fail === 'commit' ? Promise.reject(fsError('EACCES', 'permission denied, rename')) : real.commit()),
    discard: () => real.discard(),
  };
}

describe.each(['2.8.10', '3.6.14'] as const)('after Create on Juju %s', (version) => {
  const juju = useJujuSim({ version });
  const oneShot = version === '3.6.14';

  it('reports what the controller says when the answer to Create was lost', async () => {
    juju.sim().faults.dropAnswerOf = 'Backups.Create';
    const outcome = await testProvider.createBackup(juju.context(), recordOperation().op, { notes: 'lost answer' });
    const [made] = juju.sim().state.created;
    expect(made).toBeDefined();
    if (oneShot) {
      // 3.x cannot list backups: no evidence, so the outcome is unknown (job interrupted), never failed.
      expect(outcome).toMatchObject({ state: 'unknown', outcome: expect.stringContaining('cannot tell whether the controller finished the backup') });
    } else {
      // 2.x lists it: a backup started since the call, with our notes, is the evidence.
      expect(outcome).toMatchObject({ state: 'succeeded', backupId: made!.id, outcome: expect.stringContaining(`the controller lists backup ${made!.id}`) });
    }
  });

  it('says the backup exists when the disk fills up while saving it', async () => {
    const error = await rejectionOf(testProvider.createBackup(juju.context(), recordOperation().op, {}, failingSink(juju.sink(), 'write')));
    const [made] = juju.sim().state.created;
    expect(error).toMatchObject({ code: 'local-file', message: expect.stringMatching(/^Backup \S+ was created on the controller, but saving it failed: the disk is full/) });
    expect(error.message).toContain(made!.id);
    if (oneShot) {
      expect(error.message).toContain(`The controller may still hold it at ${made!.filename} until it is downloaded`);
      expect(juju.sim().state.pendingFiles).toEqual([made!.filename]);
    } else {
      expect(error.message).toContain('The backup stays stored on the controller');
    }
  });

  it('says the controller deleted its one copy when only the rename failed', async () => {
    const error = await rejectionOf(testProvider.createBackup(juju.context(), recordOperation().op, {}, failingSink(juju.sink(), 'commit')));
    expect(error).toMatchObject({ code: 'local-file', message: expect.stringContaining('but saving it failed: Backup Console may not write there') });
    expect(error.message).toContain(oneShot ? 'The controller deleted its copy when it finished sending it' : 'The backup stays stored on the controller');
  });
});
