import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../core/http/http-client';
import { faultMessage, faultToAppError } from './faults';

function response(status: number, body: string): HttpResponse {
  return { status, headers: {}, url: 'http://cinder/v3/p/backups', text: async () => body, json: async () => JSON.parse(body), discard: async () => undefined, stream: () => Readable.from([body]) };
}

describe('OpenStack faults', () => {
  it('reads the fault shape and Keystone\'s error shape', () => {
    expect(faultMessage({ badRequest: { code: 400, message: 'Invalid backup: Backup status must be available or error.' } })).toBe('Invalid backup: Backup status must be available or error');
    expect(faultMessage({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } })).toBe('The request you have made requires authentication');
    expect(faultMessage('nope')).toBeUndefined();
  });

  it.each([
    [400, 'conflict'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [405, 'unsupported'],
    [409, 'conflict'],
    [413, 'conflict'],
    [422, 'conflict'],
    [500, 'server-error'],
    [503, 'server-error'],
  ])('maps HTTP %i to %s with the server message and a hint', async (status, code) => {
    const error = await faultToAppError(response(status, JSON.stringify({ someFault: { code: status, message: 'Server says no' } })), { service: 'Cinder', doing: 'deleting the backup' });
    expect(error.code).toBe(code);
    expect(error.message).toContain(`Cinder answered HTTP ${status}`);
    expect(error.message).toContain('while deleting the backup: Server says no.');
    expect(error.hint).toBeTruthy();
  });

  it('says quota for 413', async () => {
    const error = await faultToAppError(response(413, '{"overLimit":{"code":413,"message":"Maximum number of backups allowed (10) exceeded"}}'), { service: 'Cinder' });
    expect(error.message).toMatch(/quota exceeded/);
    expect(error.hint).toMatch(/quota/);
  });

  it('copes with a body that is not JSON', async () => {
    const error = await faultToAppError(response(502, '<html><body>Bad Gateway</body></html>'), { service: 'Trove' });
    expect(error).toMatchObject({ code: 'server-error', message: 'Trove answered HTTP 502: Bad Gateway.' });
  });
});

describe('a 401 to a token Keystone had just issued', () => {
  const troveSays = '{"unauthorized":{"code":401,"message":"Swift account not accessible for tenant p1."}}';

  it("is the service's own refusal: its message, and a hint that is not about the password", async () => {
    const error = await faultToAppError(response(401, troveSays), { service: 'Trove', doing: 'starting the backup', afterFreshSignIn: true });
    expect(error).toMatchObject({ code: 'forbidden', message: 'Trove answered HTTP 401 while starting the backup: Swift account not accessible for tenant p1.' });
    expect(error.hint).toMatch(/refused this operation/);
    expect(error.hint).toMatch(/object storage \(Swift\)/);
    expect(error.hint).not.toMatch(/check the user, domain, project and password/i);
  });

  it('is still a token problem when keystonemiddleware sent it', async () => {
    const res = { ...response(401, '{"error":{"code":401,"title":"Unauthorized","message":"The request you have made requires authentication."}}'), headers: { 'www-authenticate': 'Keystone uri="http://k/identity"' } };
    const error = await faultToAppError(res, { service: 'Trove', afterFreshSignIn: true });
    expect(error.code).toBe('unauthorized');
  });
});
