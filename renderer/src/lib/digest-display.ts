/**
 * How fingerprints and file digests are shown: grouped so two people can read a fingerprint to
 * each other, shortened where space is tight (the full value always stays one copy away).
 */

/** Upper-case hex bytes joined by colons, as Node and the endpoint schema print a SHA-256 fingerprint. Spaces, lower case and bare hex are accepted. */
export function normaliseFingerprint(value: string): string {
  const hex = value.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]*$/.test(hex) || hex.length % 2 !== 0) return value.trim().toUpperCase();
  return (hex.match(/../g) ?? []).join(':');
}

export function sameFingerprint(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return normaliseFingerprint(a) === normaliseFingerprint(b);
}

/** Groups of four bytes ("AB:CD:EF:01"): a SHA-256 fingerprint becomes eight groups to compare one at a time. */
export function fingerprintGroups(fingerprint: string, bytesPerGroup = 4): string[] {
  const bytes = normaliseFingerprint(fingerprint).split(':').filter(Boolean);
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += bytesPerGroup) groups.push(bytes.slice(i, i + bytesPerGroup).join(':'));
  return groups;
}

/** "1a2b3c4d…5e6f7a8b": enough of a digest to recognise at a glance; show the full value in a title and copy it whole. */
export function abbreviateDigest(digest: string, keep = 8): string {
  if (digest.length <= keep * 2 + 1) return digest;
  return `${digest.slice(0, keep)}…${digest.slice(-keep)}`;
}
