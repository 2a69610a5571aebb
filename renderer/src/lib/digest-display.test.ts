import { describe, expect, it } from 'vitest';
import { abbreviateDigest, fingerprintGroups, normaliseFingerprint, sameFingerprint } from './digest-display';

const fp = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':');

describe('fingerprints', () => {
  it('normalises spacing, case and bare hex to colon-separated upper case', () => {
    expect(normaliseFingerprint(fp.toLowerCase())).toBe(fp);
    expect(normaliseFingerprint(fp.replace(/:/g, ''))).toBe(fp);
    expect(normaliseFingerprint(` ${fp.replace(/:/g, ' ')} `)).toBe(fp);
    expect(normaliseFingerprint('not hex')).toBe('NOT HEX');
  });

  it('compares fingerprints however they were written', () => {
    expect(sameFingerprint(fp, fp.toLowerCase().replace(/:/g, ''))).toBe(true);
    expect(sameFingerprint(fp, fp.replace(/^00/, '01'))).toBe(false);
    expect(sameFingerprint(undefined, fp)).toBe(false);
    expect(sameFingerprint('', '')).toBe(false);
  });

  it('groups a SHA-256 fingerprint into eight groups of four bytes', () => {
    const groups = fingerprintGroups(fp);
    expect(groups).toHaveLength(8);
    expect(groups[0]).toBe('00:01:02:03');
    expect(groups[7]).toBe('1C:1D:1E:1F');
    expect(groups.join(':')).toBe(fp);
    expect(fingerprintGroups('')).toEqual([]);
  });
});

describe('abbreviateDigest', () => {
  it('keeps the head and the tail of a long digest', () => {
    const sha = 'a'.repeat(8) + 'b'.repeat(48) + 'c'.repeat(8);
    expect(abbreviateDigest(sha)).toBe('aaaaaaaa…cccccccc');
    expect(abbreviateDigest('short')).toBe('short');
  });
});
