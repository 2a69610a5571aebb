import { describe, expect, it } from 'vitest';
import { nextMarker } from './pages';

describe('Trove pagination links', () => {
  it('reads the offset marker of the next link and ignores other links', () => {
    expect(nextMarker([{ rel: 'next', href: 'https://trove:8779/v1.0/p/backups?instance_id=i1&marker=40' }])).toBe('40');
    expect(nextMarker([{ rel: 'self', href: 'https://trove:8779/v1.0/p/backups?marker=20' }])).toBeUndefined();
    expect(nextMarker(undefined)).toBeUndefined();
    expect(nextMarker([])).toBeUndefined();
  });
});
