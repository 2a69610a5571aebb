import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain';
import { isRecent, latestSavedDownload } from './safety-backup';

function job(overrides: Partial<Job>): Job {
  return {
    id: 'j',
    endpointId: 'e1',
    endpointName: 'Appliance',
    kind: 'download',
    state: 'succeeded',
    stage: 'Done',
    progress: {},
    startedAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:01:00Z',
    finishedAt: '2025-01-01T00:01:00Z',
    cancellable: false,
    stalled: false,
    milestones: [],
    ...overrides,
  };
}

const saved = { path: '/tmp/a.tgz', bytes: 10, sha256: 'ab' };

describe('latestSavedDownload', () => {
  it('picks the newest succeeded download or create that saved a file for this endpoint', () => {
    const jobs = [
      job({ id: 'old', savedFile: saved, finishedAt: '2025-01-01T00:00:00Z' }),
      job({ id: 'new', kind: 'create', savedFile: { ...saved, path: '/tmp/b.tgz' }, finishedAt: '2025-01-02T00:00:00Z' }),
      job({ id: 'failed', state: 'failed', savedFile: saved, finishedAt: '2025-01-03T00:00:00Z' }),
      job({ id: 'other-endpoint', endpointId: 'e2', savedFile: saved, finishedAt: '2025-01-04T00:00:00Z' }),
      job({ id: 'no-file', finishedAt: '2025-01-05T00:00:00Z' }),
      job({ id: 'restore', kind: 'restore', savedFile: saved, finishedAt: '2025-01-06T00:00:00Z' }),
    ];
    expect(latestSavedDownload(jobs, 'e1')?.id).toBe('new');
  });

  it('finds nothing without jobs', () => {
    expect(latestSavedDownload(undefined, 'e1')).toBeUndefined();
    expect(latestSavedDownload([job({})], 'e1')).toBeUndefined();
  });
});

describe('isRecent', () => {
  const now = Date.parse('2025-01-02T12:00:00Z');
  it('means within the last day by default', () => {
    expect(isRecent('2025-01-02T00:00:00Z', now)).toBe(true);
    expect(isRecent('2025-01-01T11:00:00Z', now)).toBe(false);
    expect(isRecent(undefined, now)).toBe(false);
    expect(isRecent('garbage', now)).toBe(false);
  });
});
