import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryWriter } from './job-history';
import { withTempDir } from './test-kit';
import type { PersistedJob } from './types';
import { jobFixture } from '../../../shared/test-support/job-fixture';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await withTempDir());
  vi.useFakeTimers();
});
afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

const job = (id: string): PersistedJob => jobFixture({ id, endpointId: 'ep', endpointName: 'Laptop' });

describe('HistoryWriter', () => {
  function writerOver(jobs: () => PersistedJob[]) {
    const file = join(dir, 'jobs.json');
    let writes = 0;
    const errors: unknown[] = [];
    const writer = new HistoryWriter(
      file,
      () => {
        writes++;
        return jobs();
      },
      1_000,
      (e) => errors.push(e),
    );
    return { writer, file, writes: () => writes, errors };
  }

  it('turns many changes within the delay into one write of the latest state', async () => {
    let current = [job('a')];
    const { writer, file, writes, errors } = writerOver(() => current);
    for (let i = 0; i < 500; i++) {
      current = [job(`v${i}`)];
      writer.markDirty(false);
    }
    await vi.advanceTimersByTimeAsync(999);
    expect(writes()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes()).toBe(1);
    await writer.flush();
    expect(writes()).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, jobs: [job('v499')] });
    expect(errors).toEqual([]);
  });

  it('does not push a pending write back when more changes arrive, so a steady stream still gets saved', async () => {
    const { writer, writes } = writerOver(() => [job('a')]);
    writer.markDirty(false);
    await vi.advanceTimersByTimeAsync(600);
    writer.markDirty(false);
    await vi.advanceTimersByTimeAsync(399);
    expect(writes()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes()).toBe(1);
    await writer.flush();
  });

  it('writes urgent changes on the next tick, still as one write', async () => {
    const { writer, writes } = writerOver(() => [job('a')]);
    writer.markDirty(false);
    writer.markDirty(true);
    writer.markDirty(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(writes()).toBe(1);
    await writer.flush();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(writes()).toBe(1);
  });

  it('flushes at once, and ignores changes after close', async () => {
    const { writer, file, writes } = writerOver(() => [job('a')]);
    writer.markDirty(false);
    await writer.close();
    expect(writes()).toBe(1);
    expect(JSON.parse(await readFile(file, 'utf8')).jobs).toHaveLength(1);
    writer.markDirty(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(writes()).toBe(1);
  });
});
