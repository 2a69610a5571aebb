import { describe, expect, it } from 'vitest';
import { bytesText, decimalBytesText, elapsedText, elapsedTextKeepingZeros } from './text';

describe('stage wording', () => {
  it('shows elapsed time as seconds, minutes and seconds, then hours', () => {
    expect(elapsedTextKeepingZeros(0, 45_900)).toBe('45 s');
    expect(elapsedTextKeepingZeros(0, 80_000)).toBe('1 min 20 s');
    expect(elapsedTextKeepingZeros(0, 3_900_000)).toBe('1 h 5 min');
  });

  it('leaves out a zero remainder only where asked to', () => {
    expect([elapsedText(0, 180_000), elapsedText(0, 7_200_000), elapsedText(0, 80_000)]).toEqual(['3 min', '2 h', '1 min 20 s']);
    expect([elapsedTextKeepingZeros(0, 180_000), elapsedTextKeepingZeros(0, 7_200_000)]).toEqual(['3 min 0 s', '2 h 0 min']);
  });

  it('shows sizes in decimal units', () => {
    expect(decimalBytesText(812)).toBe('812 B');
    expect(decimalBytesText(12_300_000)).toBe('12.3 MB');
    expect(decimalBytesText(56_000_000)).toBe('56 MB');
    expect(decimalBytesText(262_144)).toBe('262 kB');
  });

  it('writes sizes in binary units', () => {
    expect([512, 2048, 1.2 * 2 ** 30, 2 * 2 ** 30].map(bytesText)).toEqual(['512 B', '2 KiB', '1.2 GiB', '2 GiB']);
  });
});
