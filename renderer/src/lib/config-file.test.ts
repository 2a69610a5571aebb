import { describe, expect, it } from 'vitest';
import { configFileProblem, defaultImportedName, maxConfigFileChars } from './config-file';

describe('configFileProblem', () => {
  it('accepts an ordinary clouds.yaml', () => {
    expect(configFileProblem('clouds.yaml', 'clouds:\n  lab:\n    auth: {}\n')).toBeUndefined();
  });

  it('refuses empty, huge and binary files with the file name', () => {
    expect(configFileProblem('clouds.yaml', '  \n')).toBe('clouds.yaml is empty.');
    expect(configFileProblem('big.yaml', 'x'.repeat(maxConfigFileChars + 1))).toMatch(/^big\.yaml is 201 kB/);
    expect(configFileProblem('a.png', 'PNG\u0000\u0001')).toMatch(/not a text file/);
  });

  it('names an imported endpoint like main does', () => {
    expect(defaultImportedName('lab', 'OpenStack Cinder')).toBe('lab (OpenStack Cinder)');
  });
});
