import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../shared/domain';
import type { ConnectionStatus } from './renderer-client';
import { createWebClient, type WebClient } from './web-client';

const job: Job = {
  id: 'j1',
  endpointId: 'e1',
  endpointName: 'Pieces',
  kind: 'create',
  state: 'running',
  stage: 'Copying',
  progress: { fraction: 0.5 },
  startedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:01.000Z',
  cancellable: true,
  stalled: false,
  milestones: [],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** An SSE response whose body the test writes to and closes. */
function sseStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

/** The upload request among the calls a fetch mock saw (the event feed starts alongside it). */
function uploadCall(fetchMock: { mock: { calls: Parameters<typeof fetch>[] } }): [URL, RequestInit | undefined] {
  const call = fetchMock.mock.calls.find(([url]) => String(url).includes('/api/upload'));
  if (!call) throw new Error('no upload request was sent');
  return [new URL(String(call[0]), 'http://host'), call[1]];
}

/** An event feed that stays open and says nothing, for tests about calls. */
const quietFeed = () => new Response(new ReadableStream(), { headers: { 'Content-Type': 'text/event-stream' } });

/** A fetch whose upload requests get `answer`, with a quiet event feed beside them. */
const uploadsAnswer = (answer: () => Promise<Response>) => (async (url: RequestInfo | URL) => (String(url).includes('/api/events') ? quietFeed() : answer())) as typeof fetch;

let client: WebClient | undefined;
afterEach(() => {
  client?.close();
  client = undefined;
  vi.restoreAllMocks();
});

describe('web client calls', () => {
  it('POSTs the input with the bearer token and unwraps the value', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      json({ ok: true, value: { version: '1.0.0', host: 'web', platform: 'linux', dataDir: '/tmp' } }),
    );
    client = createWebClient({ token: 't0k', fetch: fetchMock });
    await expect(client.call('app.info', {})).resolves.toMatchObject({ host: 'web' });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/call/app.info');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer t0k');
    expect(init?.body).toBe('{}');
  });

  it('throws the envelope error, also on 401/403', async () => {
    const fetchMock = vi.fn(async () =>
      json({ ok: false, error: { code: 'unauthorized', message: 'Bad token', hint: 'Reopen the link' } }, 401),
    );
    client = createWebClient({ token: 'x', fetch: fetchMock as typeof fetch });
    await expect(client.call('endpoints.list', {})).rejects.toMatchObject({ code: 'unauthorized', hint: 'Reopen the link' });
  });

  it('reports a network failure as unreachable and a non-JSON answer as bad-response', async () => {
    client = createWebClient({ token: 'x', fetch: (async () => Promise.reject(new TypeError('failed'))) as typeof fetch });
    await expect(client.call('jobs.list', {})).rejects.toMatchObject({ code: 'unreachable' });
    client.close();
    client = createWebClient({ token: 'x', fetch: (async () => new Response('<html>', { status: 502 })) as typeof fetch });
    await expect(client.call('jobs.list', {})).rejects.toMatchObject({ code: 'bad-response' });
  });
});

describe('web client uploads', () => {
  const gzip = () => new File([new Uint8Array([0x1f, 0x8b, 8, 0])], 'box backup.tgz');

  it('streams the file itself as the body, with the request in the query', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (url) => (String(url).includes('/api/events') ? quietFeed() : json({ ok: true, value: { ...job, kind: 'upload' } })));
    client = createWebClient({ token: 't0k', fetch: fetchMock });
    const file = gzip();
    const started = await client.uploadFile(
      { endpointId: 'e1', warningsAccepted: true, deleteFirst: { backupId: 'b 1&x', confirmation: 'b 1&x' } },
      file,
    );
    expect(started).toMatchObject({ id: 'j1', kind: 'upload' });
    const [parsed, init] = uploadCall(fetchMock);
    expect(parsed.pathname).toBe('/api/upload');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      endpointId: 'e1',
      name: 'box backup.tgz',
      sizeBytes: '4',
      warningsAccepted: 'true',
      deleteBackupId: 'b 1&x',
      deleteConfirmation: 'b 1&x',
      clientRef: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    });
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Bearer t0k');
    expect(headers.get('Content-Type')).toBe('application/octet-stream');
  });

  it('leaves the delete out when there is none and has no path to offer', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (url) => (String(url).includes('/api/events') ? quietFeed() : json({ ok: true, value: job })));
    client = createWebClient({ token: 't', fetch: fetchMock });
    await client.uploadFile({ endpointId: 'e1', warningsAccepted: false }, gzip());
    const query = uploadCall(fetchMock)[0].searchParams;
    expect(query.get('warningsAccepted')).toBe('false');
    expect(query.has('deleteBackupId')).toBe(false);
    expect(client.pathOf(gzip())).toBeUndefined();
  });

  it('ends the request when its job ends first (a cancel), so the browser stops sending the file, and answers that job', async () => {
    const feed = sseStream();
    let uploadSignal: AbortSignal | undefined;
    const fetchMock = vi.fn<typeof fetch>(async (url, init) => {
      if (String(url).includes('/api/events')) return feed.response;
      uploadSignal = init?.signal ?? undefined;
      // The host is still reading the body: no answer until the request is aborted.
      return new Promise<Response>((_resolve, reject) => uploadSignal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });
    client = createWebClient({ token: 't', fetch: fetchMock });
    const uploading = client.uploadFile({ endpointId: 'e1', warningsAccepted: true }, gzip());
    await vi.waitFor(() => expect(uploadSignal).toBeDefined());
    const clientRef = uploadCall(fetchMock)[0].searchParams.get('clientRef');
    const event = (fields: Partial<Job>) => `event: job.updated\ndata: ${JSON.stringify({ ...job, kind: 'upload', ...fields })}\n\n`;
    // Another upload's end, and this one still running, change nothing.
    feed.write(event({ id: 'other', clientRef: '00000000-0000-4000-8000-000000000000', state: 'cancelled' }));
    feed.write(event({ id: 'mine', clientRef: clientRef!, state: 'running' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(uploadSignal?.aborted).toBe(false);
    feed.write(event({ id: 'mine', clientRef: clientRef!, state: 'cancelled', outcome: 'Cancelled the upload after 1 MB.' }));
    await expect(uploading).resolves.toMatchObject({ id: 'mine', state: 'cancelled', outcome: 'Cancelled the upload after 1 MB.' });
    expect(uploadSignal?.aborted).toBe(true);
  });

  it('throws the envelope error, a dropped connection and an answer that is not a job', async () => {
    client = createWebClient({
      token: 't',
      fetch: uploadsAnswer(async () => json({ ok: false, error: { code: 'conflict', message: 'Two backups already', hint: 'Delete one first' } }, 409)),
    });
    await expect(client.uploadFile({ endpointId: 'e1', warningsAccepted: false }, gzip())).rejects.toMatchObject({ code: 'conflict', hint: 'Delete one first' });
    client.close();
    client = createWebClient({ token: 't', fetch: uploadsAnswer(async () => Promise.reject(new TypeError('network error'))) });
    await expect(client.uploadFile({ endpointId: 'e1', warningsAccepted: false }, gzip())).rejects.toMatchObject({ code: 'unreachable' });
    client.close();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    client = createWebClient({ token: 't', fetch: uploadsAnswer(async () => json({ ok: true, value: { id: 'j1' } })) });
    await expect(client.uploadFile({ endpointId: 'e1', warningsAccepted: false }, gzip())).rejects.toMatchObject({ code: 'bad-response' });
    client.close();
    client = createWebClient({ token: 't', fetch: uploadsAnswer(async () => new Response('Not Found', { status: 404 })) });
    await expect(client.uploadFile({ endpointId: 'e1', warningsAccepted: false }, gzip())).rejects.toMatchObject({ code: 'bad-response' });
  });
});

describe('web client events', () => {
  it('delivers validated events, reconnects after the feed drops and reports it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const streams = [sseStream(), sseStream()];
    let connections = 0;
    const fetchMock = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      expect(String(url)).toBe('/api/events');
      expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer t');
      return streams[connections++].response;
    });
    client = createWebClient({ token: 't', fetch: fetchMock as typeof fetch, random: () => 1 });
    const statuses: ConnectionStatus[] = [];
    client.onConnectionStatus((s) => statuses.push(s));
    const received: Job[] = [];
    const reconnected = vi.fn();
    client.onReconnect(reconnected);
    client.on('job.updated', (payload) => received.push(payload));

    await vi.waitFor(() => expect(statuses).toContain('open'));
    streams[0].write(`event: job.updated\ndata: ${JSON.stringify(job)}\n\n`);
    streams[0].write('event: job.updated\ndata: {"id":"broken"}\n\n');
    streams[0].write('event: job.updated\ndata: not json\n\n');
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ id: 'j1', progress: { fraction: 0.5 } });

    streams[0].close();
    await vi.waitFor(() => expect(reconnected).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(statuses).toEqual(['open', 'reconnecting', 'open']);
    streams[1].write(`event: job.updated\ndata: ${JSON.stringify({ ...job, state: 'succeeded' })}\n\n`);
    await vi.waitFor(() => expect(received).toHaveLength(2));
  });

  it('drops a feed that went silent and reconnects', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const streams = [sseStream(), sseStream()];
    let connections = 0;
    const fetchMock = vi.fn<typeof fetch>(async () => streams[connections++].response);
    client = createWebClient({ token: 't', fetch: fetchMock, random: () => 1, idleTimeoutMs: 100 });
    const reconnected = vi.fn();
    client.onReconnect(reconnected);
    client.on('vault.changed', () => {});
    await vi.waitFor(() => expect(reconnected).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('stops for good when the host refuses the token', async () => {
    const fetchMock = vi.fn(async () => json({ ok: false, error: { code: 'unauthorized', message: 'no' } }, 401));
    client = createWebClient({ token: 'bad', fetch: fetchMock as typeof fetch });
    client.on('endpoints.changed', () => {});
    await vi.waitFor(() => expect(client?.getConnectionStatus()).toBe('unauthorized'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
