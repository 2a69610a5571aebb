import { describe, expect, it } from 'vitest';
import { certificateTrouble, certificateValidity, explainVerificationError, isHttpsUrl, presentedFingerprintIn } from './certificate-facts';

describe('certificateValidity', () => {
  const cert = { validFrom: '2025-01-01T00:00:00.000Z', validTo: '2026-01-01T00:00:00.000Z' };

  it('tells valid, expired and not yet valid apart', () => {
    expect(certificateValidity(cert, Date.parse('2025-06-01T00:00:00Z'))).toBe('valid');
    expect(certificateValidity(cert, Date.parse('2026-01-02T00:00:00Z'))).toBe('expired');
    expect(certificateValidity(cert, Date.parse('2024-12-31T00:00:00Z'))).toBe('not-yet-valid');
  });

  it('says unknown for dates it cannot read', () => {
    expect(certificateValidity({ validFrom: 'soon', validTo: cert.validTo }, 0)).toBe('unknown');
  });
});

describe('explainVerificationError', () => {
  it('puts known codes in words and keeps the code', () => {
    expect(explainVerificationError('DEPTH_ZERO_SELF_SIGNED_CERT')).toMatch(/^The certificate is self-signed.*\(DEPTH_ZERO_SELF_SIGNED_CERT\)$/);
    expect(explainVerificationError('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});

describe('certificateTrouble', () => {
  it('offers a review only for https URLs', () => {
    expect(certificateTrouble('tls', 'https://10.0.0.1')).toBe('untrusted');
    expect(certificateTrouble('certificate-changed', 'https://10.0.0.1:8443/')).toBe('changed');
    expect(certificateTrouble('tls', 'http://10.0.0.1')).toBeUndefined();
    expect(certificateTrouble('unauthorized', 'https://10.0.0.1')).toBeUndefined();
    expect(certificateTrouble(undefined, 'https://10.0.0.1')).toBeUndefined();
  });

  it('recognises https URLs', () => {
    expect(isHttpsUrl(' HTTPS://device ')).toBe(true);
    expect(isHttpsUrl('https://')).toBe(false);
    expect(isHttpsUrl('')).toBe(false);
  });
});

describe('presentedFingerprintIn', () => {
  const accepted = Array.from({ length: 32 }, () => 'AA').join(':');
  const presented = Array.from({ length: 32 }, () => 'BB').join(':');

  it('finds the fingerprint that is not the accepted one, wherever the message puts it', () => {
    expect(presentedFingerprintIn(`now presents (SHA-256 ${presented}) instead of the accepted (${accepted}).`, accepted)).toBe(presented);
    expect(presentedFingerprintIn(`accepted ${accepted.toLowerCase()}, presented ${presented.toLowerCase()}`, accepted)).toBe(presented);
  });

  it('finds nothing when only the accepted one, or none, is named', () => {
    expect(presentedFingerprintIn(`still ${accepted}`, accepted)).toBeUndefined();
    expect(presentedFingerprintIn('The certificate changed.', accepted)).toBeUndefined();
  });
});
