import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain';
import { becameTerminal, mergeFetchedJobs, upsertJob } from './jobs-cache';
import { shouldRetry } from './retry-policy';
import { ClientError } from '../client/client-error';
import { jobFixture } from '../../../shared/test-support/job-fixture';

const job = (id: string, overrides: Partial<Job> = {}): Job => jobFixture({ id, ...overrides });

describe('upsertJob', () => {
  it('adds new jobs newest first', () => {
    const older = job('a', { startedAt: '2025-01-01T00:00:00Z' });
    const newer = job('b', { startedAt: '2025-01-02T00:00:00Z' });
    expect(upsertJob([older], newer)?.map((j) => j.id)).toEqual(['b', 'a']);
  });

  it('replaces by id in place', () => {
    const list = [job('a'), job('b')];
    const updated = job('b', { state: 'succeeded', updatedAt: '2025-01-01T00:01:00Z' });
    expect(upsertJob(list, updated)).toEqual([list[0], updated]);
  });

  it('ignores an update older than the cached one', () => {
    const current = job('a', { state: 'succeeded', updatedAt: '2025-01-01T00:05:00Z' });
    const late = job('a', { state: 'running', updatedAt: '2025-01-01T00:04:00Z' });
    expect(upsertJob([current], late)).toEqual([current]);
  });

  it('leaves an unloaded list unloaded', () => {
    expect(upsertJob(undefined, job('a'))).toBeUndefined();
  });
});

describe('mergeFetchedJobs', () => {
  const requestedAt = Date.parse('2025-01-01T00:10:00Z');

  it('keeps a pushed update that is newer than the fetched list (the list left main before the event)', () => {
    const pushed = job('a', { state: 'succeeded', updatedAt: '2025-01-01T00:10:02Z' });
    const fetched = job('a', { state: 'running', updatedAt: '2025-01-01T00:10:01Z' });
    expect(mergeFetchedJobs([pushed], [fetched], requestedAt)).toEqual([pushed]);
  });

  it('takes the fetched entry when it is newer', () => {
    const cached = job('a', { updatedAt: '2025-01-01T00:09:00Z' });
    const fetched = job('a', { state: 'failed', updatedAt: '2025-01-01T00:10:01Z' });
    expect(mergeFetchedJobs([cached], [fetched], requestedAt)).toEqual([fetched]);
  });

  it('prefers a terminal entry over a running one with the same updatedAt', () => {
    const at = '2025-01-01T00:10:01Z';
    const done = job('a', { state: 'cancelled', updatedAt: at });
    const running = job('a', { state: 'cancelling', updatedAt: at });
    expect(mergeFetchedJobs([done], [running], requestedAt)).toEqual([done]);
    expect(mergeFetchedJobs([running], [done], requestedAt)).toEqual([done]);
  });

  it('keeps a job pushed after the request left, and drops one the fetched list no longer has', () => {
    const started = job('new', { startedAt: '2025-01-01T00:10:01Z', updatedAt: '2025-01-01T00:10:01Z' });
    const pruned = job('old', { state: 'succeeded', updatedAt: '2025-01-01T00:01:00Z' });
    const listed = job('listed');
    expect(mergeFetchedJobs([started, pruned], [listed], requestedAt)?.map((j) => j.id)).toEqual(['new', 'listed']);
  });

  it('uses the fetched list as is when nothing is cached', () => {
    const older = job('a', { startedAt: '2025-01-01T00:00:00Z' });
    const newer = job('b', { startedAt: '2025-01-02T00:00:00Z' });
    expect(mergeFetchedJobs(undefined, [older, newer], requestedAt)).toEqual([newer, older]);
  });
});

describe('becameTerminal', () => {
  it('is true only on the transition into a terminal state', () => {
    const running = job('a');
    const done = job('a', { state: 'failed' });
    expect(becameTerminal([running], done)).toBe(true);
    expect(becameTerminal([done], done)).toBe(false);
    expect(becameTerminal([running], running)).toBe(false);
  });
});

describe('shouldRetry', () => {
  it('retries once, only transient failures', () => {
    expect(shouldRetry(0, new ClientError({ code: 'unreachable', message: '' }))).toBe(true);
    expect(shouldRetry(1, new ClientError({ code: 'unreachable', message: '' }))).toBe(false);
    expect(shouldRetry(0, new ClientError({ code: 'not-found', message: '' }))).toBe(false);
    expect(shouldRetry(0, new Error('x'))).toBe(false);
  });
});
