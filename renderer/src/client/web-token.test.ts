import { describe, expect, it, vi } from 'vitest';
import { takeWebToken, tokenStorageKey } from './web-token';

function sources(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[tokenStorageKey, stored]] : []);
  const replaceState = vi.fn();
  return {
    storage,
    replaceState,
    input: {
      location: { hash, pathname: '/', search: '?x=1' },
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      history: { replaceState, state: null },
    },
  };
}

describe('takeWebToken', () => {
  it('takes the token from the hash, stores it and removes it from the URL', () => {
    const s = sources('#token=abc123');
    expect(takeWebToken(s.input)).toBe('abc123');
    expect(s.storage.get(tokenStorageKey)).toBe('abc123');
    expect(s.replaceState).toHaveBeenCalledWith(null, '', '/?x=1');
  });

  it('keeps other hash parameters', () => {
    const s = sources('#token=abc&view=jobs');
    takeWebToken(s.input);
    expect(s.replaceState).toHaveBeenCalledWith(null, '', '/?x=1#view=jobs');
  });

  it('falls back to sessionStorage after a reload, and null when there is nothing', () => {
    const stored = sources('', 'kept');
    expect(takeWebToken(stored.input)).toBe('kept');
    expect(stored.replaceState).not.toHaveBeenCalled();
    expect(takeWebToken(sources('').input)).toBeNull();
  });
});
