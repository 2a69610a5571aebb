import { describe, expect, it, vi } from 'vitest';
import { ClientError, toClientError } from './client-error';
import { parseCallOutput, unwrapEnvelope } from './envelope';
import { parseEventPayload } from './event-payload';

describe('unwrapEnvelope', () => {
  it('returns the value of an ok envelope', () => {
    expect(unwrapEnvelope({ ok: true, value: { removed: true } }, 'endpoints.remove')).toEqual({ removed: true });
  });

  it('throws a ClientError carrying code, message and hint', () => {
    const raw = { ok: false, error: { code: 'confirmation-mismatch', message: 'Type the id', hint: 'It is case-sensitive' } };
    try {
      unwrapEnvelope(raw, 'backups.restore');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ClientError);
      expect(error).toMatchObject({ code: 'confirmation-mismatch', message: 'Type the id', hint: 'It is case-sensitive' });
    }
  });

  it('turns a malformed envelope into bad-response', () => {
    expect(() => unwrapEnvelope({ value: 1 }, 'app.info')).toThrow(expect.objectContaining({ code: 'bad-response' }));
    expect(() => unwrapEnvelope({ ok: false, error: { code: 'nope', message: 'x' } }, 'app.info')).toThrow(
      expect.objectContaining({ code: 'bad-response' }),
    );
  });
});

describe('parseCallOutput', () => {
  it('fills contract defaults', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const backups = parseCallOutput('backups.list', [{ id: 'b1', endpointId: 'e1', state: 'available', statusText: 'OK' }]);
    expect(backups[0].details).toEqual({});
  });

  it('rejects data that breaks the contract', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => parseCallOutput('app.info', { version: 1 })).toThrow(expect.objectContaining({ code: 'bad-response' }));
  });
});

describe('parseEventPayload', () => {
  it('passes valid payloads and drops invalid ones with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseEventPayload('backups.changed', { endpointId: 'e1' })).toEqual({ endpointId: 'e1' });
    expect(parseEventPayload('backups.changed', { endpoint: 'e1' })).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });
});

describe('toClientError', () => {
  it('keeps ClientErrors and wraps anything else without a stack in the message', () => {
    const original = new ClientError({ code: 'timeout', message: 'slow' });
    expect(toClientError(original)).toBe(original);
    expect(toClientError(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
    expect(toClientError('weird').message).toMatch(/went wrong/);
    expect(toClientError({ code: 'tls', message: 'Untrusted certificate', hint: 'Pin it' })).toMatchObject({ code: 'tls', hint: 'Pin it' });
  });
});
