import { describe, expect, it } from 'vitest';
import { mergeProblems, uploadFileProblems } from './upload-file-check';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('uploadFileProblems', () => {
  it('accepts a file that starts with the gzip signature', () => {
    expect(uploadFileProblems(1024, bytes(0x1f, 0x8b, 0x08))).toEqual([]);
  });

  it('refuses an empty file, and says only that', () => {
    expect(uploadFileProblems(0, bytes())).toEqual([expect.stringMatching(/empty/)]);
  });

  it('refuses anything else, naming the bytes it found and the ones it expected', () => {
    expect(uploadFileProblems(10, bytes(0x50, 0x4b))).toEqual([expect.stringContaining('its first bytes are 50 4b, not 1f 8b')]);
    expect(uploadFileProblems(10, bytes(0x1f, 0x00))[0]).toMatch(/1f 00, not 1f 8b/);
    expect(uploadFileProblems(1, bytes(0x1f))[0]).toMatch(/are 1f, not 1f 8b/);
  });
});

describe('mergeProblems', () => {
  it('keeps this window’s findings first and says each once', () => {
    expect(mergeProblems(['The file is empty.'], ['the file  is EMPTY.', 'Too large for the appliance.'])).toEqual([
      'The file is empty.',
      'Too large for the appliance.',
    ]);
  });
});
