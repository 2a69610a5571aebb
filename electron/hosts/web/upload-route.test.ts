import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
    const { status, result } = await upload(bytes, query(bytes, { warningsAccepted: 'true' }));
    expect(status).toBe(200);
    if (!result.ok) throw new Error(result.error.message);
    const job = await h.finished(result.value);
    expect(job.state, job.error?.message).toBe('succeeded');
    expect(job.kind).toBe('upload');
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
