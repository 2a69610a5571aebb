// Benchmark: how many progress events reach the renderer when a provider reports as fast as it can.
// Target: at most 10 updates per second per job, and the final value always delivered.
// Prints ratios measured in this one run; it asserts nothing about time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobRunner } from '../../electron/core/jobs/job-runner';

const DURATION_MS = 3000;
const JOBS = 4;

const dir = mkdtempSync(join(tmpdir(), 'bc-bench-'));
const delivered = new Map<string, number>();
const finalFraction = new Map<string, number | undefined>();
const runner = await JobRunner.open({
  file: join(dir, 'jobs.json'),
  onUpdate: (job) => {
    delivered.set(job.id, (delivered.get(job.id) ?? 0) + 1);
    finalFraction.set(job.id, job.progress.fraction);
  },
});

let reported = 0;
const started = Date.now();
const done: Promise<void>[] = [];
for (let i = 0; i < JOBS; i++) {
  done.push(
    new Promise<void>((resolve) => {
      runner.start({ kind: 'create', endpointId: `bench-${i}`, endpointName: `Bench ${i}`, stage: 'Flooding progress', cancellable: false }, async (op) => {
        while (Date.now() - started < DURATION_MS) {
          for (let k = 0; k < 200; k++) {
            op.progress({ fraction: Math.min(0.999, (Date.now() - started) / DURATION_MS) });
            reported++;
          }
          await new Promise((r) => setImmediate(r));
        }
        op.progress({ fraction: 1 });
        setTimeout(resolve, 300);
        return { state: 'succeeded', outcome: 'done' };
      });
    }),
  );
}
await Promise.all(done);
await runner.close();
rmSync(dir, { recursive: true, force: true });

const seconds = (Date.now() - started) / 1000;
const totalDelivered = [...delivered.values()].reduce((a, b) => a + b, 0);
const perJobPerSecond = totalDelivered / JOBS / seconds;
console.log(`progress reports from providers: ${reported}`);
console.log(`updates delivered to the UI:      ${totalDelivered} (${JOBS} jobs, ${seconds.toFixed(1)} s)`);
console.log(`coalescing ratio (reported/delivered): ${(reported / totalDelivered).toFixed(0)}:1`);
console.log(`delivered per job per second: ${perJobPerSecond.toFixed(1)} (target <= 10, state changes included)`);
console.log(`final value delivered for every job: ${[...finalFraction.values()].every((f) => f === 1) ? 'yes' : 'NO'}`);
