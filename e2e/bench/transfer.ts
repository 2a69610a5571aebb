// Benchmark: upload and download a 2 GiB backup through the app's core to the appliance simulator,
// and in the same run with curl against the same simulator. Prints the app/curl throughput ratio for
// each direction and the peak memory growth of the app's process. Asserts nothing about time.
// Targets: ratio >= 0.8 each way, peak memory growth < 100 MiB. `BENCH_BYTES` changes the size.
// Each transfer starts after `sync`, so none pays for flushing what ran before it.
import { execFileSync, spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { Agent, request } from 'undici';
import type { Job } from '../../shared/domain';
import { startCoreUnderTest } from '../../electron/core/test-support/core-under-test';
import { createProviderRegistry } from '../../electron/providers/registry';
import { createApplianceProvider } from '../../electron/providers/appliance/provider';
import { applianceCertName } from '../sims/appliance';
import { curlDownload, curlUpload, type CurlTarget } from './transfer-curl';

const BYTES = Number(process.env.BENCH_BYTES ?? 2 * 1024 ** 3);
const MiB = 1024 ** 2;
const work = mkdtempSync(join(tmpdir(), 'bc-bench-transfer-'));

interface SimInfo {
  url: string;
  certPem: string;
  fingerprint256: string;
  credentials: { username: string; password: string };
}

async function startSimProcess(): Promise<{ info: SimInfo; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'appliance-sim-child.ts'), join(work, 'sim')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return {
    info: JSON.parse(line) as SimInfo,
    stop: async () => {
      child.stdin.end();
      await once(child, 'close');
    },
  };
}

/** A gzip header, then incompressible bytes: what the appliance checks, at the size asked for. */
async function writeBackupFile(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(4 * MiB);
  for (let written = 0; written < bytes; written += chunk.length) {
    randomFillSync(chunk);
    if (written === 0) chunk.set([0x1f, 0x8b, 0x08, 0x00]);
    const piece = chunk.subarray(0, Math.min(chunk.length, bytes - written));
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function tokenFor(sim: SimInfo): Promise<string> {
  const dispatcher = new Agent({ connect: { ca: sim.certPem, servername: applianceCertName } });
  const res = await request(`${sim.url}/api/mgmt.aaa/2.0/token`, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_credentials: sim.credentials, generate_refresh_token: false }),
  });
  const body = (await res.body.json()) as { access_token: string };
  await dispatcher.close();
  return body.access_token;
}

/** Samples the resident set size while `work` runs; returns the peak growth over the level before it. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ value: T; growth: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await work();
    return { value, growth: Math.max(0, peak - baseline) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Every transfer starts with the disk's write-back done: otherwise whichever runs after gigabytes
 * of writes (the test file, the previous transfer) pays for flushing them, and the order decides.
 */
function settleDisk(): void {
  execFileSync('sync');
}

async function timedFsync(path: string): Promise<number> {
  const started = process.hrtime.bigint();
  const handle = await open(path, 'r+');
  await handle.sync();
  await handle.close();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  settleDisk();
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const sim = await startSimProcess();
const core = await startCoreUnderTest('bench-transfer', {
  providers: createProviderRegistry({ appliance: createApplianceProvider({ createFirstPollMs: 10, createPollMs: 10 }) }),
  host: 'electron',
});
try {
  const source = join(work, 'box.backup.tgz');
  process.stderr.write(`writing a ${(BYTES / MiB).toFixed(0)} MiB test file...\n`);
  await writeBackupFile(source, BYTES);
  const { info } = sim;
  const caFile = join(work, 'appliance.pem');
  writeFileSync(caFile, info.certPem);
  const curlTarget: CurlTarget = { url: info.url, certName: applianceCertName, caFile, token: await tokenFor(info) };

  const imported = await core.call<{ added: { id: string }[] }>('endpoints.import', {
    text: JSON.stringify({ kind: 'appliance', name: 'Bench appliance', url: info.url, tls: { caPem: info.certPem, fingerprint256: info.fingerprint256 }, settings: { username: info.credentials.username }, secrets: { password: info.credentials.password } }),
  });
  const endpointId = imported.added[0].id;
  await core.call('backups.list', { endpointId });
  core.core.allowUploadPath(source); // as the desktop preload does for a dropped file
  const finish = async (job: Job) => {
    const ended = await core.finished(job, 3_600_000);
    if (ended.state !== 'succeeded') throw new Error(`${job.kind} ended ${ended.state}: ${ended.error?.message ?? ended.outcome}`);
    return ended;
  };

  process.stderr.write('uploading through the app...\n');
  const upload = await peakGrowth(async () => {
    let ended: Job | undefined;
    const seconds = await timed(async () => (ended = await finish(await core.call<Job>('backups.upload', { endpointId, path: source, warningsAccepted: true }))));
    return { seconds, backupId: ended!.backupId! };
  });
  process.stderr.write('uploading with curl...\n');
  const curlUp = await timed(() => curlUpload(curlTarget, source));

  process.stderr.write('downloading through the app...\n');
  const appFile = join(work, 'app-download.tgz');
  const download = await peakGrowth(() => timed(async () => finish(await core.call<Job>('backups.download', { endpointId, backupId: upload.value.backupId, destination: { path: appFile } }))));
  process.stderr.write('downloading with curl...\n');
  const curlFile = join(work, 'curl-download.tgz');
  const curlDown = await timed(() => curlDownload(curlTarget, upload.value.backupId, curlFile));
  // The app makes a download durable (fsync) before giving it its name, so a crash never leaves a
  // partial file that looks complete; curl leaves its file in the page cache. Same guarantee: its fsync.
  const curlDownDurable = curlDown + (await timedFsync(curlFile));
  if (statSync(appFile).size !== BYTES || statSync(curlFile).size !== BYTES) throw new Error('a download is not the size of the file');

  const rate = (seconds: number) => BYTES / MiB / seconds;
  const line = (what: string, app: number, curl: number) =>
    `${what.padEnd(9)} app ${rate(app).toFixed(0).padStart(5)} MiB/s   curl ${rate(curl).toFixed(0).padStart(5)} MiB/s   app/curl ${(curl / app).toFixed(2)}  (target >= 0.80)`;
  console.log(`Transfer of ${(BYTES / MiB).toFixed(0)} MiB through the app's core vs curl, same simulator, same run:`);
  console.log(line('upload', upload.value.seconds, curlUp));
  console.log(line('download', download.value, curlDown) + '  (curl into the page cache)');
  console.log(line('download', download.value, curlDownDurable) + '  (curl + fsync: both durable on disk)');
  console.log(`peak memory growth of the app's process: upload ${(upload.growth / MiB).toFixed(1)} MiB, download ${(download.growth / MiB).toFixed(1)} MiB (target < 100 MiB)`);
} finally {
  await core.close();
  await sim.stop();
  rmSync(work, { recursive: true, force: true });
}
