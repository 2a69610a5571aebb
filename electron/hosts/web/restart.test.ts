import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/domain';
import { startPiecesSim, type PiecesSim } from '../../../e2e/sims/pieces';
import { callApi } from './test-http';

const cli = resolve(import.meta.dirname, 'cli.ts');
const PASSPHRASE = 'restart-test-passphrase';

interface Running {
  child: ChildProcess;
  port: number;
  token: string;
}

/** Starts `npm run serve`'s entry point as a separate process and reads the URL it prints. */
function startHost(dataDir: string): Promise<Running> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data-dir', dataDir, '--static-dir', join(dataDir, 'no-renderer')], {
      env: { ...process.env, BACKUP_CONSOLE_VAULT_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open: http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)/.exec(out);
      if (match) resolvePromise({ child, port: Number(match[1]), token: match[2] });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`host exited early (${code}): ${err}`)));
  });
}

async function jobs(host: Running): Promise<Job[]> {
  const result = await callApi(host.port, host.token, 'jobs.list');
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as Job[];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('restarting browser mode during a running backup', () => {
  let sim: PiecesSim | undefined;
  let host: Running | undefined;
  let dataDir: string | undefined;

  afterEach(async () => {
    host?.child.kill('SIGKILL');
    await sim?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('re-attaches the job and finishes it with the server\'s real outcome', async () => {
    sim = await startPiecesSim({ port: 0, timeScale: 2 });
    dataDir = mkdtempSync(join(tmpdir(), 'bc-restart-'));
    host = await startHost(dataDir);
    const added = await callApi(host.port, host.token, 'endpoints.add', { config: { kind: 'pieces', name: 'Pieces sim', url: sim.url } });
    expect(added.ok).toBe(true);
    const endpointId = (added.value as { id: string }).id;
    const started = await callApi(host.port, host.token, 'backups.create', { endpointId });
    expect(started.ok).toBe(true);
    const jobId = (started.value as Job).id;

    const midway = await waitFor('the backup to be underway', async () => {
      const job = (await jobs(host!)).find((j) => j.id === jobId);
      return job?.backupId && (job.progress.fraction ?? 0) > 0.05 ? job : undefined;
    });
    expect(midway.state).toBe('running');

    // Wait until the job history on disk knows how to find the remote operation, then stop the host the hard way.
    await waitFor('the job history to record the remote operation', async () => {
      const history = existsSync(join(dataDir!, 'jobs.json')) ? readFileSync(join(dataDir!, 'jobs.json'), 'utf8') : '';
      return history.includes(jobId) && history.includes('remoteRef') ? true : undefined;
    });
    host.child.kill('SIGKILL');
    await new Promise((r) => host!.child.once('exit', r));

    host = await startHost(dataDir);
    const finished = await waitFor('the re-attached job to finish', async () => {
      const job = (await jobs(host!)).find((j) => j.id === jobId);
      return job && ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(job.state) ? job : undefined;
    });
    expect(finished.state).toBe('succeeded');
    expect(finished.backupId).toBe(midway.backupId);
    const listed = await callApi(host.port, host.token, 'backups.list', { endpointId });
    expect((listed.value as { id: string }[]).map((b) => b.id)).toContain(midway.backupId);
  }, 60_000);
});
