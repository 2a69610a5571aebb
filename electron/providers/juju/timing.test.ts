import { describe, expect, it } from 'vitest';
import { bytesText, elapsedText } from './timing';

describe('stage wording', () => {
  it('shows elapsed time as seconds, minutes and seconds, then hours', () => {
    expect(elapsedText(0, 45_900)).toBe('45 s');
    expect(elapsedText(0, 80_000)).toBe('1 min 20 s');
    expect(elapsedText(0, 3_900_000)).toBe('1 h 5 min');
  });

  it('shows sizes in decimal units', () => {
    expect(bytesText(812)).toBe('812 B');
    expect(bytesText(12_300_000)).toBe('12.3 MB');
    expect(bytesText(56_000_000)).toBe('56 MB');
    expect(bytesText(262_144)).toBe('262 kB');
  });
});
