import { describe, expect, it } from 'vitest';
import {
  acceptedCertificateFields,
  configKey,
  configTrustingCertificate,
  draftFromEndpoint,
  trustState,
  typedSecrets,
  validateEndpointDraft,
  type EndpointDraft,
} from './endpoint-draft';

const valid: EndpointDraft = {
  kind: 'pieces',
  name: ' Local Pieces ',
  url: 'http://127.0.0.1:39300',
  timeoutSeconds: '30',
  caPem: '',
  fingerprint256: '',
  settings: {},
};

describe('validateEndpointDraft', () => {
  it('produces the config main expects', () => {
    const result = validateEndpointDraft(valid, { urlOptional: true });
    expect(result.errors).toEqual({});
    expect(result.config).toEqual({ kind: 'pieces', name: 'Local Pieces', url: 'http://127.0.0.1:39300', timeoutMs: 30_000, tls: {}, settings: {} });
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

describe('kind settings in the draft', () => {
  const settingFields = [
    { name: 'auth_type', label: 'Sign in with', type: 'select' as const, defaultValue: 'password' },
    { name: 'project_name', label: 'Project', type: 'text' as const, showWhen: { field: 'auth_type', equals: ['password'] } },
  ];

  it('keeps saved settings when editing and fills defaults when adding', () => {
    expect(draftFromEndpoint(undefined, 'cinder', settingFields).settings).toEqual({ auth_type: 'password', project_name: '' });
    const saved = { id: 'e1', createdAt: '', secretsSet: [], kind: 'cinder' as const, name: 'C', url: 'https://k:5000/v3', timeoutMs: 30_000, tls: {}, settings: { project_name: 'demo' } };
    expect(draftFromEndpoint(saved, '', settingFields).settings).toEqual({ auth_type: 'password', project_name: 'demo' });
  });

  it('sends the shown settings with the config', () => {
    const draft = { ...valid, kind: 'cinder' as const, settings: { auth_type: 'password', project_name: ' demo ' } };
    expect(validateEndpointDraft(draft, { urlOptional: false, settingFields }).config?.settings).toEqual({ auth_type: 'password', project_name: 'demo' });
    const appCredential = { ...draft, settings: { auth_type: 'v3applicationcredential', project_name: 'demo' } };
    expect(validateEndpointDraft(appCredential, { urlOptional: false, settingFields }).config?.settings).toEqual({ auth_type: 'v3applicationcredential' });
  });

  it('tells configs apart by their settings', () => {
    const base = { kind: 'cinder' as const, name: 'C', url: '', timeoutMs: 1000, tls: {} };
    expect(configKey({ ...base, settings: { a: '1', b: '2' } })).toBe(configKey({ ...base, settings: { b: '2', a: '1' } }));
    expect(configKey({ ...base, settings: { a: '1' } })).not.toBe(configKey({ ...base, settings: { a: '2' } }));
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

describe('accepted certificates', () => {
  const fingerprint = Array.from({ length: 32 }, () => 'ab').join(':');
  const cert = { pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', fingerprint256: fingerprint };

  it('trusts and pins exactly the reviewed certificate, in a form main accepts', () => {
    const fields = acceptedCertificateFields(cert);
    expect(fields).toEqual({ caPem: cert.pem.trim(), fingerprint256: fingerprint.toUpperCase() });
    const result = validateEndpointDraft({ ...valid, url: 'https://10.0.0.1', ...fields }, { urlOptional: false });
    expect(result.config?.tls).toEqual({ caPem: cert.pem.trim(), fingerprint256: fingerprint.toUpperCase() });
  });

  it('names what the TLS fields amount to', () => {
    expect(trustState({ caPem: '', fingerprint256: '' })).toBe('system');
    expect(trustState({ caPem: 'PEM', fingerprint256: '' })).toBe('ca');
    expect(trustState({ caPem: 'PEM', fingerprint256: fingerprint })).toBe('accepted');
    expect(trustState({ caPem: ' ', fingerprint256: fingerprint })).toBe('pin-only');
  });

  it('replaces the old pin of a saved endpoint and keeps everything else', () => {
    const saved = { kind: 'appliance' as const, name: 'Edge', url: 'https://10.0.0.1', timeoutMs: 30_000, tls: { caPem: 'OLD', fingerprint256: 'CD' }, settings: { username: 'admin' } };
    expect(configTrustingCertificate(saved, cert)).toEqual({ ...saved, tls: acceptedCertificateFields(cert) });
  });
});
