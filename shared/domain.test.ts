import { describe, expect, it } from 'vitest';
import { endpointConfigSchema } from './domain';

const base = { kind: 'pieces', name: 'Lab' } as const;

describe('endpointConfigSchema', () => {
  it('accepts http(s) URLs and an empty URL (discovery), with defaults filled', () => {
    expect(endpointConfigSchema.parse({ ...base, url: 'http://127.0.0.1:39300' })).toMatchObject({ timeoutMs: 30_000, tls: {} });
    expect(endpointConfigSchema.parse({ ...base, url: '' }).url).toBe('');
    expect(endpointConfigSchema.parse(base).url).toBe('');
  });

  it('refuses other schemes and URLs that carry credentials, saying what to do', () => {
    const ftp = endpointConfigSchema.safeParse({ ...base, url: 'ftp://host' });
    expect(ftp.success).toBe(false);
    const withUser = endpointConfigSchema.safeParse({ ...base, url: 'https://admin:s3cret@host:8443/' });
    expect(withUser.success).toBe(false);
    expect(withUser.error?.issues[0].message).toMatch(/secret fields/);
  });

  it('normalises and checks a SHA-256 fingerprint', () => {
    const pin = Array.from({ length: 32 }, () => 'ab').join(':');
    expect(endpointConfigSchema.parse({ ...base, tls: { fingerprint256: ` ${pin} ` } }).tls.fingerprint256).toBe(pin.toUpperCase());
    expect(endpointConfigSchema.safeParse({ ...base, tls: { fingerprint256: 'AB:CD' } }).success).toBe(false);
  });

  it('refuses unknown keys, so a renderer cannot smuggle fields into the stored config', () => {
    expect(endpointConfigSchema.safeParse({ ...base, password: 'x' }).success).toBe(false);
  });
});
