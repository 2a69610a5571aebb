import { describe, expect, it } from 'vitest';
import { decodeResponse, encodeRequest } from './rpc-envelope';

describe('the Juju RPC envelope', () => {
  it('encodes a call with hyphenated keys and params defaulting to {}', () => {
    expect(JSON.parse(encodeRequest(2, { type: 'Backups', version: 3, request: 'Create', params: { notes: 'n', 'no-download': false } }))).toEqual({
      'request-id': 2,
      type: 'Backups',
      version: 3,
      request: 'Create',
      params: { notes: 'n', 'no-download': false },
    });
    expect(JSON.parse(encodeRequest(1, { type: 'Backups', version: 2, request: 'PrepareRestore' })).params).toEqual({});
  });

  it('refuses request id 0, which would switch the server to the legacy CamelCase codec', () => {
    expect(() => encodeRequest(0, { type: 'Admin', version: 3, request: 'Login' })).toThrow(RangeError);
  });

  it('decodes answers, empty answers and errors with their code and info', () => {
    expect(decodeResponse('{"request-id":1,"response":{"a":1}}')).toEqual({ requestId: 1, ok: true, response: { a: 1 } });
    expect(decodeResponse('{"request-id":3}')).toEqual({ requestId: 3, ok: true, response: {} });
    expect(decodeResponse('{"request-id":4,"error":"invalid entity name or password","error-code":"unauthorized access"}')).toEqual({
      requestId: 4,
      ok: false,
      error: { message: 'invalid entity name or password', code: 'unauthorized access', info: undefined },
    });
    expect(decodeResponse('{"request-id":5,"error":"client incompatible","error-code":"incompatible client","error-info":{"server-version":"3.6.14"}}')).toMatchObject({
      ok: false,
      error: { code: 'incompatible client', info: { 'server-version': '3.6.14' } },
    });
    expect(decodeResponse('{"request-id":6,"error":"boom"}')).toEqual({ requestId: 6, ok: false, error: { message: 'boom', code: undefined, info: undefined } });
  });

  it('ignores what is not a response frame', () => {
    for (const text of ['not json', '[]', '{"response":{}}', '{"request-id":0,"response":{}}', '{"RequestId":1,"Response":{}}']) expect(decodeResponse(text)).toBeNull();
  });
});
