/**
 * Reads the subject of the first certificate in a PEM ("C=DE, O=Example, CN=device"), formatted
 * like the core's CertificateInfo.subject, so a saved trusted certificate can be named without
 * asking the device again. A minimal DER walk: anything unexpected gives undefined, never a throw.
 */

interface Tlv {
  tag: number;
  /** First content byte. */
  start: number;
  /** One past the last content byte. */
  end: number;
}

function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (tag === undefined || length === undefined) throw new Error('truncated');
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? Number.NaN);
    start += count;
  }
  const end = start + length;
  if (!Number.isFinite(end) || end > der.length) throw new Error('truncated');
  return { tag, start, end };
}

function childrenOf(der: Uint8Array, parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const item = readTlv(der, offset);
    items.push(item);
    offset = item.end;
  }
  return items;
}

function oidOf(der: Uint8Array, tlv: Tlv): string {
  const bytes = der.subarray(tlv.start, tlv.end);
  const first = bytes[0] ?? 0;
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

const BMP_STRING = 0x1e;

function textOf(der: Uint8Array, tlv: Tlv): string {
  const bytes = der.subarray(tlv.start, tlv.end);
  return new TextDecoder(tlv.tag === BMP_STRING ? 'utf-16be' : 'utf-8').decode(bytes);
}

const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

function derOfFirstCertificate(pem: string): Uint8Array | undefined {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!body) return undefined;
  const binary = atob(body.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function certificateSubject(pem: string): string | undefined {
  try {
    const der = derOfFirstCertificate(pem);
    if (!der) return undefined;
    const certificate = readTlv(der, 0);
    const [tbs] = childrenOf(der, certificate);
    if (!tbs) return undefined;
    const fields = childrenOf(der, tbs);
    // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject.
    const first = fields[0]?.tag === 0xa0 ? 1 : 0;
    const subject = fields[first + 4];
    if (!subject) return undefined;
    const parts: string[] = [];
    for (const set of childrenOf(der, subject)) {
      for (const attribute of childrenOf(der, set)) {
        const [type, value] = childrenOf(der, attribute);
        if (!type || !value) continue;
        const oid = oidOf(der, type);
        parts.push(`${attributeNames[oid] ?? oid}=${textOf(der, value)}`);
      }
    }
    return parts.length > 0 ? parts.join(', ') : undefined;
  } catch {
    return undefined;
  }
}
