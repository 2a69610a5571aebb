import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/domain';
import { jobFixture } from '../../shared/test-support/job-fixture';
import { quitWarning } from './quit-warning';

const job = (fields: Partial<Job> & Pick<Job, 'kind' | 'stage'>): Job => jobFixture({ endpointName: 'lab appliance', ...fields });

describe('the question before quitting', () => {
  it('is not asked when nothing runs', () => {
    expect(quitWarning([])).toBeUndefined();
  });

  it('says, job by job, what quitting stops here and what goes on at the endpoint', () => {
    const warning = quitWarning([
      job({ kind: 'restore', backupId: '2', stage: 'Appliance rebooting' }),
      job({ kind: 'upload', stage: 'Uploading 10 MB of 80 MB', progress: { fraction: 0.125, bytesDone: 10e6, bytesTotal: 80e6 } }),
      job({ kind: 'create', backupId: '5', stage: 'Downloading 1 MB', endpointName: 'core', progress: { bytesDone: 1e6 } }),
    ]);
    expect(warning?.message).toBe('3 operations are still running. Quit Backup Console anyway?');
    expect(warning?.detail.split('\n')).toEqual([
      '• Restore 2 on lab appliance (Appliance rebooting): if the endpoint has it already, it goes on there (quitting does not stop it); at the next start Backup Console checks on it where the endpoint can tell.',
      '• Upload on lab appliance (Uploading 10 MB of 80 MB, 12 %): stops; the endpoint may keep an incomplete backup, so check its list and delete any upload that is not completed.',
      '• Back up 5 on core (Downloading 1 MB): if the endpoint has it already, it goes on there (quitting does not stop it); at the next start Backup Console checks on it where the endpoint can tell; if it was also to be downloaded, that download does not happen.',
    ]);
  });
});
