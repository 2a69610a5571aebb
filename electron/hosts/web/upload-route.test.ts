import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../../shared/contract';
import type { Job } from '../../../shared/domain';
import { silentLogger } from '../../core/log/logger';
import { useApplianceCore } from '../../core/test-support/appliance-core';
import { startWebHost, type WebHost } from './server';

describe('browser mode upload route (POST /api/upload)', () => {
  const h = useApplianceCore();
  let host: WebHost;
  beforeAll(async () => {
    host = await startWebHost({ core: h.t.core, log: silentLogger, port: 0 });
  });
  afterAll(() => host?.close());
  beforeEach(() => h.sim.reset());

  const upload = async (body: Buffer, query: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/upload?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/octet-stream', ...headers },
      body,
    });
    return { status: res.status, result: (await res.json()) as CallResult<Job> };
  };
  const query = (bytes: Buffer, extra: Record<string, string> = {}) => ({ endpointId: h.endpoint.id, name: 'dropped.tgz', sizeBytes: String(bytes.length), ...extra });

  it('streams the request body into an upload job and answers with the job once the body was read', async () => {
    const bytes = gzipSync(Buffer.from('an appliance backup from the browser '.repeat(5000)));
    const clientRef = randomUUID();
    const { status, result } = await upload(bytes, query(bytes, { warningsAccepted: 'true', clientRef }));
    expect(status).toBe(200);
    if (!result.ok) throw new Error(result.error.message);
    const job = await h.finished(result.value);
    expect(job.state, job.error?.message).toBe('succeeded');
    expect(job).toMatchObject({ kind: 'upload', clientRef });
    expect(h.sim.state.backups.find((b) => b.id === job.backupId)).toMatchObject({ size: bytes.length, status: 'completed' });
  });

  it('refuses, with a readable answer, a file not accepted as unknown, a wrong content type, a size that does not match, and no token', async () => {
    const bytes = gzipSync(Buffer.from('x'));
    const unaccepted = await upload(bytes, query(bytes));
    expect(unaccepted.status).toBe(400);
    expect(unaccepted.result).toMatchObject({ ok: false, error: { code: 'validation' } });

    expect((await upload(bytes, query(bytes, { warningsAccepted: 'true' }), { 'content-type': 'application/json' })).status).toBe(415);
    expect((await upload(bytes, { ...query(bytes, { warningsAccepted: 'true' }), sizeBytes: String(bytes.length + 1) })).status).toBe(400);
    const res = await fetch(`http://127.0.0.1:${host.port}/api/upload?${new URLSearchParams(query(bytes))}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect(res.status).toBe(401);
    expect(h.sim.state.requests.filter((r) => r.path.endsWith('/backups/upload'))).toEqual([]);
  });

  it('a window that stops sending once its job was cancelled (it aborts the request) leaves the host serving', async () => {
    const clientRef = randomUUID();
    const sizeBytes = 16 * 1024 * 1024;
    h.sim.faults.slowLinkBytesPerSecond = 1024 * 1024;
    const window = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === sizeBytes) return controller.close();
        const chunk = new Uint8Array(256 * 1024);
        if (sent === 0) chunk.set([0x1f, 0x8b]);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const answer = fetch(`http://127.0.0.1:${host.port}/api/upload?${new URLSearchParams(query(Buffer.alloc(sizeBytes), { warningsAccepted: 'true', clientRef }))}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
      signal: window.signal,
    } as RequestInit).catch((error: unknown) => error);
    const mine = async () => (await h.call<Job[]>('jobs.list')).find((j) => j.clientRef === clientRef);
    await vi.waitFor(async () => expect((await mine())?.progress.bytesDone ?? 0).toBeGreaterThan(0), { timeout: 15_000 });
    await h.call('jobs.cancel', { jobId: (await mine())!.id });
    expect((await h.finished((await mine())!)).state).toBe('cancelled');
    window.abort();
    // Aborted, or answered if the host had already read the rest: either way nothing hangs.
    const ended = await answer;
    if (ended instanceof Error) expect(ended.name).toBe('AbortError');
    else expect((ended as Response).status).toBe(200);
    h.sim.faults.slowLinkBytesPerSecond = undefined;

    const bytes = gzipSync(Buffer.from('still serving'));
    expect((await upload(bytes, query(bytes, { warningsAccepted: 'true' }))).status).toBe(200);
  });

  it('a body that is not a gzip archive is refused before the job starts: nothing is deleted to make room, nothing is sent', async () => {
    const [oldest] = h.sim.state.backups;
    const bytes = Buffer.from('PK\u0003\u0004 not a backup');
    const { status, result } = await upload(bytes, query(bytes, { warningsAccepted: 'true', deleteBackupId: oldest.id, deleteConfirmation: oldest.id }));
    expect(status).toBe(400);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/gzip/) } });
    expect(h.sim.state.backups.map((b) => b.id)).toContain(oldest.id);
    expect(h.sim.state.requests.filter((r) => r.path.endsWith('/backups/upload') || r.method === 'DELETE')).toEqual([]);
  });
});
