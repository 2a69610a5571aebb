import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../core/http/http-client';
import { faultMessage, faultToAppError } from './faults';

function response(status: number, body: string): HttpResponse {
  return { status, headers: {}, url: 'http://cinder/v3/p/backups', text: async () => body, json: async () => JSON.parse(body), discard: async () => undefined };
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
