import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from './browser-mode';
import { callApi, rawRequest } from './test-http';

describe('browser-mode web host', () => {
  let app: BrowserMode;
  let dataDir: string;
  const logLines: string[] = [];
  const host = () => `127.0.0.1:${app.host.port}`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bc-web-'));
    app = await startBrowserMode({ dataDir, port: 0, version: 'test', logSink: (l) => logLines.push(l) });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a call that carries the token, from our own host', async () => {
    const result = await callApi(app.host.port, app.host.token, 'app.info');
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({ host: 'web', version: 'test' });
  });

  it('refuses an API call without the token (401)', async () => {
    const res = await rawRequest(app.host.port, { method: 'POST', path: '/api/call/app.info', headers: { host: host() }, body: '{}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthorized');
  });

  it('refuses a wrong token of the same length (401)', async () => {
    const wrong = app.host.token.replace(/./g, 'x');
    const res = await rawRequest(app.host.port, { method: 'POST', path: '/api/call/app.info', headers: { host: host(), authorization: `Bearer ${wrong}` }, body: '{}' });
    expect(res.status).toBe(401);
  });

  it('refuses a foreign Host header even with the token (403, DNS rebinding)', async () => {
    const res = await rawRequest(app.host.port, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: { host: `evil.example:${app.host.port}`, authorization: `Bearer ${app.host.token}` },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const page = await rawRequest(app.host.port, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a cross-origin request even with the token (403)', async () => {
    const res = await rawRequest(app.host.port, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: { host: host(), origin: 'http://evil.example', authorization: `Bearer ${app.host.token}` },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
  });

  it('accepts its own origin', async () => {
    const res = await rawRequest(app.host.port, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: { host: host(), origin: `http://${host()}`, authorization: `Bearer ${app.host.token}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it('logs refusals without the token', () => {
    const refusals = logLines.filter((l) => l.includes('web host refused a request'));
    expect(refusals.length).toBeGreaterThanOrEqual(4);
    expect(refusals.some((l) => l.includes('foreign Host header'))).toBe(true);
    expect(refusals.some((l) => l.includes('cross-origin request'))).toBe(true);
    expect(logLines.some((l) => l.includes(app.host.token))).toBe(false);
  });

  it('validates call input and answers with a typed envelope', async () => {
    const result = await callApi(app.host.port, app.host.token, 'backups.list', { endpointId: 42 });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('validation');
    expect(result.error?.message).toMatch(/endpointId/);
    const unknown = await callApi(app.host.port, app.host.token, 'shell.exec', {});
    expect(unknown.error?.code).toBe('validation');
  });

  it('answers a malformed path escape with 400 instead of failing', async () => {
    const res = await rawRequest(app.host.port, { path: '/%E0%A4%A', headers: { host: host() } });
    expect(res.status).toBe(400);
  });

  it('refuses a body that is not JSON (400) and unknown API routes (404)', async () => {
    const headers = { host: host(), authorization: `Bearer ${app.host.token}` };
    expect((await rawRequest(app.host.port, { method: 'POST', path: '/api/call/app.info', headers, body: '{oops' })).status).toBe(400);
    expect((await rawRequest(app.host.port, { method: 'GET', path: '/api/nothing', headers })).status).toBe(404);
  });
});
