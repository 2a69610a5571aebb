import type { Job } from '../domain';

/** A running job with every required field, for tests that care about a few of them. */
export function jobFixture(overrides: Partial<Job> = {}): Job {
  return {
    id: 'j1',
    endpointId: 'e1',
    endpointName: 'Pieces',
    kind: 'create',
    state: 'running',
    stage: 'Working',
    progress: {},
    startedAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    cancellable: true,
    stalled: false,
    milestones: [],
    ...overrides,
  };
}
