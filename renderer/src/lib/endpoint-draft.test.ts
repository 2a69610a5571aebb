import { describe, expect, it } from 'vitest';
import { draftFromEndpoint, typedSecrets, validateEndpointDraft, type EndpointDraft } from './endpoint-draft';

const valid: EndpointDraft = {
  kind: 'pieces',
  name: ' Local Pieces ',
  url: 'http://127.0.0.1:39300',
  timeoutSeconds: '30',
  caPem: '',
  fingerprint256: '',
};

describe('validateEndpointDraft', () => {
  it('produces the config main expects', () => {
    const result = validateEndpointDraft(valid, { urlOptional: true });
    expect(result.errors).toEqual({});
    expect(result.config).toEqual({ kind: 'pieces', name: 'Local Pieces', url: 'http://127.0.0.1:39300', timeoutMs: 30_000, tls: {} });
  });

  it('puts schema messages next to the right fields', () => {
    const result = validateEndpointDraft(
      { ...valid, name: '', url: 'ftp://x', timeoutSeconds: '0', fingerprint256: 'AB:CD' },
      { urlOptional: true },
    );
    expect(result.config).toBeUndefined();
    expect(result.errors.name).toBe('Give the endpoint a name');
    expect(result.errors.url).toBeDefined();
    expect(result.errors.timeoutSeconds).toBe('Timeout must be between 1 and 600 seconds');
    expect(result.errors.fingerprint256).toMatch(/32 hex bytes/);
  });

  it('allows an empty URL only when the kind can discover it', () => {
    expect(validateEndpointDraft({ ...valid, url: '' }, { urlOptional: true }).config?.url).toBe('');
    expect(validateEndpointDraft({ ...valid, url: '' }, { urlOptional: false }).errors.url).toBeDefined();
  });

  it('requires a kind', () => {
    expect(validateEndpointDraft({ ...valid, kind: '' }, { urlOptional: true }).errors.kind).toBeDefined();
  });

  it('normalises the fingerprint like main does', () => {
    const fp = Array.from({ length: 32 }, () => 'ab').join(':');
    expect(validateEndpointDraft({ ...valid, fingerprint256: fp }, { urlOptional: true }).config?.tls.fingerprint256).toBe(
      fp.toUpperCase(),
    );
  });
});

describe('draft helpers', () => {
  it('starts a new draft with defaults', () => {
    expect(draftFromEndpoint(undefined, 'pieces')).toMatchObject({ kind: 'pieces', timeoutSeconds: '30', name: '' });
  });

  it('sends only typed secrets', () => {
    expect(typedSecrets({ password: '', token: 's3cret' })).toEqual({ token: 's3cret' });
    expect(typedSecrets({ password: '' })).toBeUndefined();
  });
});
