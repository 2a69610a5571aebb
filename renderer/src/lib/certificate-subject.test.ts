import { describe, expect, it } from 'vitest';
import { certificateSubject } from './certificate-subject';

// openssl req -x509 -newkey ec -subj "/C=DE/O=Example Networks/OU=Ops/CN=appliance.example.test"
// Node's X509Certificate.subject for it: "C=DE\nO=Example Networks\nOU=Ops\nCN=appliance.example.test".
const pem = `-----BEGIN CERTIFICATE-----
MIICAzCCAamgAwIBAgIUTnZRhQfN4HqaWMAWXP0nj6jc6bgwCgYIKoZIzj0EAwIw
VzELMAkGA1UEBhMCREUxGTAXBgNVBAoMEEV4YW1wbGUgTmV0d29ya3MxDDAKBgNV
BAsMA09wczEfMB0GA1UEAwwWYXBwbGlhbmNlLmV4YW1wbGUudGVzdDAeFw0yNjEx
MjIwOTQ0MDJaFw0zNjExMTkwOTQ0MDJaMFcxCzAJBgNVBAYTAkRFMRkwFwYDVQQK
DBBFeGFtcGxlIE5ldHdvcmtzMQwwCgYDVQQLDANPcHMxHzAdBgNVBAMMFmFwcGxp
YW5jZS5leGFtcGxlLnRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATTth3q
TopCckDjlkulr3LLzJ7xYGhdg2Bdil4VqQVQQDHyUJTpbC2qKQuk+aNiI842HjAE
gxBd1kv/VNbQv1L+o1MwUTAdBgNVHQ4EFgQUhC8ta97pkfQkm1zWABacOzC0F8sw
HwYDVR0jBBgwFoAUhC8ta97pkfQkm1zWABacOzC0F8swDwYDVR0TAQH/BAUwAwEB
/zAKBggqhkjOPQQDAgNIADBFAiATofEUZn72cftQ2eLuug3UDDCpbEbbYoYiQ8SQ
1JC1tgIhAKg9MRE0+a+IvDLY07vRWmv29+uwmwBCcG2RjmfvqKeN
-----END CERTIFICATE-----
`;

describe('certificateSubject', () => {
  it('reads the subject like the core formats it', () => {
    expect(certificateSubject(pem)).toBe('C=DE, O=Example Networks, OU=Ops, CN=appliance.example.test');
  });

  it('gives undefined for anything that is not a certificate it can read', () => {
    expect(certificateSubject('')).toBeUndefined();
    expect(certificateSubject('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toBeUndefined();
    expect(certificateSubject(pem.replace(/MIIC/, 'MIIZ'))).toBeUndefined();
  });
});
