import { describe, expect, it } from 'vitest';
import { initialJujuCreateDraft, jujuCreateOptions, validateJujuCreate } from './create-options';

describe('Juju create options', () => {
  it('sends only the keep-copy default for an empty form', () => {
    expect(jujuCreateOptions(initialJujuCreateDraft())).toEqual({ keep_copy: true });
    expect(validateJujuCreate(initialJujuCreateDraft())).toEqual({ notes: undefined });
  });

  it('sends trimmed notes and always says whether to keep a copy', () => {
    expect(jujuCreateOptions({ notes: '  before upgrade ', keepCopy: true })).toEqual({ notes: 'before upgrade', keep_copy: true });
    expect(jujuCreateOptions({ notes: ' ', keepCopy: false })).toEqual({ keep_copy: false });
    expect(initialJujuCreateDraft().keepCopy).toBe(true);
  });

  it('refuses notes over 1000 characters', () => {
    expect(validateJujuCreate({ notes: 'x'.repeat(1000), keepCopy: false }).notes).toBeUndefined();
    expect(validateJujuCreate({ notes: 'x'.repeat(1001), keepCopy: false }).notes).toMatch(/1000/);
  });
});
