import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../core/http/http-client';
import { authenticate } from './keystone-auth';
import type { OpenStackSettings } from './settings';
import { rejectionOf, useOpenStackSim } from './test-support/harness';

const { sim } = useOpenStackSim();

const opened: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

function keystoneAt(url: string): HttpClient {
  const client = new HttpClient({ baseUrl: url, timeoutMs: 5_000 });
  opened.push(client);
  return client;
}

/** A server that answers every request with `status` and a Location header. */
async function redirecting(status: number, location: string): Promise<string> {
  const server: Server = createServer((_req, res) => res.writeHead(status, { location }).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  opened.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Keystone sign-in refusals', () => {
  it('explains 400 (ValidationError) with the user, project and domain fields', async () => {
    // No user at all: Keystone answers "Expecting to find id or name in user" (400).
    const settings = { auth_type: 'password', project_id: sim().credentials.admin.projectId, interface: 'public' } as OpenStackSettings;
    const error = await rejectionOf(authenticate(keystoneAt(sim().authUrl), settings, { password: 'x' }));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringContaining('Keystone could not read the sign-in request: Expecting to find id or name in user') });
    expect(error.hint).toMatch(/user, project and domain fields/);
  });

  it('names the https URL to use when Keystone redirects http to https', async () => {
    const url = await redirecting(301, 'https://cloud.example.com:5000/v3/auth/tokens');
    const settings = { auth_type: 'password', user_id: 'u', project_id: 'p', interface: 'public' } as OpenStackSettings;
    const error = await rejectionOf(authenticate(keystoneAt(`${url}/v3`), settings, { password: 'x' }));
    expect(error).toMatchObject({ code: 'validation', message: expect.stringContaining('from http to https (HTTP 301 to https://cloud.example.com:5000/v3/auth/tokens)') });
    expect(error.hint).toBe('Use https://cloud.example.com:5000/v3 as the endpoint URL.');
  });

  it('names the Location of any other redirect', async () => {
    const url = await redirecting(307, '/elsewhere/v3/auth/tokens');
    const settings = { auth_type: 'password', user_id: 'u', project_id: 'p', interface: 'public' } as OpenStackSettings;
    const error = await rejectionOf(authenticate(keystoneAt(`${url}/v3`), settings, { password: 'x' }));
    expect(error.message).toContain(`redirect (HTTP 307) to ${url}/elsewhere/v3/auth/tokens`);
    expect(error.hint).toContain(`use ${url}/elsewhere/v3 as the endpoint URL`);
  });
});
