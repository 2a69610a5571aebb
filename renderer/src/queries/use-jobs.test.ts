import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain';
import { upsertJob } from './jobs-cache';
import { queryKeys } from './keys';
import { loadJobs } from './use-jobs';

const running: Job = {
  id: 'a',
  endpointId: 'e1',
  endpointName: 'Pieces',
  kind: 'restore',
  state: 'running',
  stage: 'Restoring',
  progress: {},
  startedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:01.000Z',
  cancellable: true,
  stalled: false,
    milestones: [],
};

describe('loadJobs', () => {
  it('does not let a list that left main before a job.updated event overwrite that newer state', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.jobs.list(), [running]);
    const finished: Job = { ...running, state: 'succeeded', updatedAt: new Date(Date.now() + 1_000).toISOString() };
    let answer: (jobs: Job[]) => void = () => undefined;
    const client = { call: () => new Promise<Job[]>((resolve) => (answer = resolve)) };
    const loading = loadJobs(client, queryClient);
    // The event arrives while the (older) list is on its way.
    queryClient.setQueryData<Job[]>(queryKeys.jobs.list(), (jobs) => upsertJob(jobs, finished));
    answer([running]);
    expect(await loading).toEqual([finished]);
  });
});
